import Yams

/// Loads banks and scenarios from files and checks them as a whole.
public enum CatalogLoader {
    /// Reads every file of `source`, parses and validates them.
    ///
    /// - Parameter authoring: also run the checks that only yield warnings for authors (they stem
    ///   every reference answer, which costs more than the rest of loading); `rehearse lint` does.
    public static func load(_ source: ScenarioSource, authoring: Bool = false) throws -> LoadResult {
        load(files: try source.files(), authoring: authoring, shipped: source.isShipped)
    }

    /// Parses and validates already-read files. A file with a top-level `questions` key is a bank;
    /// any other mapping is a scenario.
    /// `shipped` adds the warnings that only apply to the banks rehearse ships (no drafts).
    public static func load(files: [ScenarioFile], authoring: Bool = false, shipped: Bool = false) -> LoadResult {
        var catalog = Catalog()
        var log = DiagnosticLog()
        var questionIDs: [(id: String, location: SourceLocation)] = []
        for file in files {
            let document = YAMLDocument(path: file.path)
            defer {
                log.append(contentsOf: document.log)
                questionIDs += document.questionIDs
            }
            guard let root = document.parse(file.text, measured: !file.builtIn) else {
                if !document.log.hasErrors {
                    document.log.error(
                        SourceLocation(path: file.path, line: 1, column: 1),
                        "the file is empty (write a bank with \"questions:\" or a scenario with \"id:\" and \"draw:\")")
                }
                continue
            }
            if case .mapping(let mapping) = root, mapping.keys.contains(where: { $0.string == "questions" }) {
                if let bank = BankParser(document: document).parse(root, name: file.stem) {
                    catalog.banks.append(bank)
                }
            } else if let scenario = ScenarioParser(document: document).parse(root) {
                catalog.scenarios.append(scenario)
            }
        }
        log.append(contentsOf: CatalogValidator(catalog: catalog, questionIDs: questionIDs).validate(authoring: authoring, shipped: shipped))
        return LoadResult(catalog: catalog, diagnostics: log, fileCount: files.count)
    }
}
