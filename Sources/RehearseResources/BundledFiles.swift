/// The shipped scenarios, banks and configuration and the daemon's web pages, embedded at build
/// time by the `EmbedScenarios` plugin so that an installed `rehearse` finds them without the repo.
public enum BundledFiles {
    /// Every bundled file, sorted by path: YAML under `Scenarios/` and `config/`, and the HTML,
    /// CSS and JavaScript under `Web/`.
    public static var all: [BundledFile] { embedded }

    /// The files under `Scenarios/`.
    public static var scenarios: [BundledFile] { embedded.filter { $0.path.hasPrefix("Scenarios/") } }

    /// The shipped configuration file, `config/rehearse.yaml`, if the build had one.
    public static var shippedConfig: BundledFile? { embedded.first { $0.path == "config/rehearse.yaml" } }

    /// The file `Web/<name>`, e.g. `web("chat.html")`, or `nil` if the build did not embed it.
    /// `name` is relative to `Web/`, as a page's `href` or `src` names its stylesheet or script.
    public static func web(_ name: String) -> BundledFile? {
        let path = "Web/" + name
        return embedded.first { $0.path == path }
    }
}
