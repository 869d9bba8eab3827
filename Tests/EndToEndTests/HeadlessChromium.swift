import Foundation

/// Debian's Chromium without a display, as the page tests drive it: the DOM after scripts ran,
/// or a screenshot. `make test` installs it; where it is missing the page tests say so and skip.
struct HeadlessChromium {
    let path: String

    /// The browser, or `nil` after printing that `what` is skipped.
    static func find(skipping what: String) -> HeadlessChromium? {
        guard let path = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else {
            print("skipped \(what): chromium is not installed (apt-get install chromium)")
            return nil
        }
        return HeadlessChromium(path: path)
    }

    /// What Chromium prints for `arguments` (`--dump-dom URL`), giving page scripts five seconds
    /// of virtual time.
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=5000"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// A PNG of `url` at `size` ("width,height"), checked to be a real picture, at `file`.
    func screenshot(_ url: String, size: String, to file: URL) throws -> Data {
        try? FileManager.default.removeItem(at: file)
        try run(["--window-size=\(size)", "--hide-scrollbars", "--screenshot=\(file.path)", url])
        return try Data(contentsOf: file)
    }
}
