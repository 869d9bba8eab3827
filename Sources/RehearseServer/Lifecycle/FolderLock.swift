import Foundation

/// An exclusive lock on a transcripts folder for a daemon's whole life: a second daemon on the
/// same folder would take the first one's live sessions for crashed ones, cut their last lines
/// and end them. The lock is an `flock` on a file in the folder, so it goes with the process.
struct FolderLock {
    private let descriptor: Int32

    /// Takes the lock, creating the folder (0700) if needed; refuses when another daemon holds it.
    static func take(_ folder: String) throws(ServerError) -> FolderLock {
        if !FileManager.default.fileExists(atPath: folder) {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let path = folder + "/.rehearse-serve.lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            throw .startup(
                "cannot lock the transcripts folder \"\(folder)\": \(String(cString: strerror(errno))) (choose another with --transcripts)")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw .startup(
                "another rehearse serve is using the transcripts folder \"\(folder)\" (stop it, or give this one its own --transcripts)")
        }
        return FolderLock(descriptor: descriptor)
    }

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Lets the next daemon have the folder.
    func release() {
        close(descriptor)
    }
}
