/// The chat page served at `/`.
enum ChatPage {
    static let html = "<!doctype html><title>Rehearse</title>"
}
