import Testing

@testable import RehearseServer

/// A transcript's name, as the journal and clients know it: the path's last component, as
/// splitting the path at every slash gives it.
@Test(arguments: ["/a/b/c.jsonl", "c.jsonl", "/a/b/", "///", "", "a//b", "/tmp/ü/李 x.jsonl", "/", "a/", "/e\u{301}/x", "dir/file/\u{301}"])
func transcriptNameIsThePathsLastComponent(path: String) {
    let split = path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
    #expect(JournalEntry.name(ofPath: path) == split)
}
