/// The version `rehearse --version` prints and transcripts record.
public enum RehearseVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}
