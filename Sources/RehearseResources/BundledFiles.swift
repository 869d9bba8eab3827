/// The shipped scenarios, banks and configuration, embedded at build time by the
/// `EmbedScenarios` plugin so that an installed `rehearse` finds them without the repo.
public enum BundledFiles {
    /// Every bundled file, sorted by path.
    public static var all: [BundledFile] { embedded }

    /// The files under `Scenarios/`.
    public static var scenarios: [BundledFile] { embedded.filter { $0.path.hasPrefix("Scenarios/") } }

    /// The shipped configuration file, `config/rehearse.yaml`, if the build had one.
    public static var shippedConfig: BundledFile? { embedded.first { $0.path == "config/rehearse.yaml" } }
}
