import Foundation
import RehearseTestSupport
import Synchronization
import Testing

@testable import RehearseServer

@Suite("Group commit")
struct GroupJournalTests {
    static func folder() throws -> String {
        let folder = NSTemporaryDirectory() + "rehearse-journal-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    static func entries(in folder: String) throws -> [JournalEntry] {
        try JournalReplay.generations(in: folder).flatMap { generation in
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: generation.path)))
            return try #require(JournalFrame.decode(bytes)).entries
        }
    }

    @Test("concurrent commits share flushes, and every one is in the journal when it returns")
    func batches() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let journal = GroupJournal(folder: folder)
        let commits = 400
        try await withThrowingTaskGroup(of: Void.self) { group in
            for n in 0..<commits {
                group.addTask {
                    let entry = JournalEntry(file: "s\(n % 40).jsonl", offset: n / 40 * 10, bytes: Array("line \(n)\n".utf8))
                    try await journal.commit(entry)
                }
            }
            try await group.waitForAll()
        }
        let written = try Self.entries(in: folder)
        #expect(written.count == commits)
        #expect(Set(written.map { String(decoding: $0.bytes, as: UTF8.self) }).count == commits)
        let flushes = journal.flushes
        #expect(flushes >= 1 && flushes < commits, "\(flushes) flushes for \(commits) commits")
        print("group commit: \(commits) commits in \(flushes) flushes")
    }

    @Test("one commit at a time is flushed at once, many at once share flushes")
    func commitDelay() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let pauses = Mutex<[UInt64]>([])
        let journal = GroupJournal(folder: folder, commitDelay: 0.05) { pause in
            if case .waiting(let nanoseconds) = pause { pauses.withLock { $0.append(nanoseconds) } }
        }
        // One request at a time, as one person practising: no flush is shared, none waits.
        for n in 0..<10 {
            try await journal.commit(JournalEntry(file: "a.jsonl", offset: n * 2, bytes: Array("a\n".utf8)))
        }
        #expect(pauses.withLock { $0 }.isEmpty && journal.flushes == 10)
        // Many at once: flushes are shared (so many wait that none holds the next back; a
        // wait itself is seen below).
        let commits = 300
        try await withThrowingTaskGroup(of: Void.self) { group in
            for n in 0..<commits {
                group.addTask { try await journal.commit(JournalEntry(file: "b\(n % 30).jsonl", offset: n / 30 * 2, bytes: Array("b\n".utf8))) }
            }
            try await group.waitForAll()
        }
        let waited = pauses.withLock { $0 }
        #expect(waited.allSatisfy { $0 > 0 && $0 <= 50_000_000 }, "\(waited)")
        #expect(journal.flushes - 10 < commits)
        #expect(try Self.entries(in: folder).count == 10 + commits)
    }

    @Test("a flush shared by several holds the next back, for the delay at most, until enough commits are waiting")
    func enoughEndsTheWait() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let done = DispatchGroup()
        let sent = Mutex(0)
        let journal = Mutex<GroupJournal?>(nil)
        @Sendable func commit() {
            let n = sent.withLock { sent in
                defer { sent += 1 }
                return sent
            }
            done.enter()
            journal.withLock { $0 }?.commit(JournalEntry(file: "c\(n % 20).jsonl", offset: n / 20 * 2, bytes: Array("c\n".utf8))) { _ in
                done.leave()
            }
        }
        let waits = Mutex<[GroupJournal.Pause]>([])
        // A second's delay: without the early end, the wait would last that long. As the
        // flusher starts to wait, enough commits come, and end it.
        journal.withLock {
            $0 = GroupJournal(folder: folder, commitDelay: 1) { pause in
                let first = waits.withLock { waits in
                    defer { waits.append(pause) }
                    return waits.isEmpty
                }
                if first, case .waiting = pause { for _ in 0..<GroupJournal.enoughToFlush { commit() } }
            }
        }
        // Commits in small bursts until a wait has ended: a flush is shared, and the next
        // burst finds the flusher with fewer than enough waiting.
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, !waits.withLock({ $0.contains { if case .ended = $0 { true } else { false } } }) {
            for _ in 0..<3 { commit() }
            usleep(300)
        }
        done.wait()
        let seen = waits.withLock { $0 }
        guard case .waiting(let planned) = seen.first, seen.count >= 2, case .ended(let early) = seen[1] else {
            Issue.record("no wait ended: \(seen)")
            return
        }
        #expect(planned > 0 && planned <= 1_000_000_000)
        #expect(early, "the wait ran its whole second")
        #expect(try Self.entries(in: folder).count == sent.withLock { $0 })
    }

    @Test("full generations are retired, and a checkpoint leaves no journal behind")
    func rotation() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let journal = GroupJournal(folder: folder, rotateAfter: 1000)
        var offset = 0
        #expect(FileManager.default.createFile(atPath: folder + "/t.jsonl", contents: nil))
        for n in 0..<30 {
            let line = Array("{\"n\":\(n),\"pad\":\"\(String(repeating: "x", count: 150))\"}\n".utf8)
            let handle = try #require(FileHandle(forWritingAtPath: folder + "/t.jsonl"))
            try handle.seekToEnd()
            try handle.write(contentsOf: line)
            try handle.close()
            try await journal.commit(JournalEntry(file: "t.jsonl", offset: offset, bytes: line))
            offset += line.count
        }
        // 30 lines of ~170 bytes, a generation retired at every 1,000 bytes.
        #expect(journal.retirements >= 4 && journal.flushes == 30)
        await journal.checkpoint()
        #expect(JournalReplay.generations(in: folder).isEmpty)
        #expect((try FileManager.default.attributesOfItem(atPath: folder + "/t.jsonl")[.size] as? Int) == offset)
        // A commit after a checkpoint starts a new generation.
        try await journal.commit(JournalEntry(file: "t.jsonl", offset: offset, bytes: Array("{}\n".utf8)))
        #expect(JournalReplay.generations(in: folder).count == 1)
    }

    @Test("a journal grows in zeros ahead of its entries, which replay whole from it, a batch larger than a step too")
    func growsAhead() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let journal = GroupJournal(folder: folder)
        let small = JournalEntry(file: "a.jsonl", offset: 0, bytes: Array("small\n".utf8))
        try await journal.commit(small)
        let path = try #require(JournalReplay.generations(in: folder).first?.path)
        func size() throws -> Int { try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? -1 }
        #expect(try size() == GroupJournal.growth)
        // Larger than a step: the file grows to the step past its end.
        let big = JournalEntry(file: "a.jsonl", offset: 6, bytes: Array(repeating: UInt8(ascii: "x"), count: GroupJournal.growth * 2))
        try await journal.commit(big)
        #expect(try size() == GroupJournal.growth * 3)
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let decoded = try #require(JournalFrame.decode(bytes))
        #expect(decoded.entries == [small, big] && decoded.tornBytes == 0)
        #expect(bytes[(JournalFrame.header + JournalFrame.encode(small) + JournalFrame.encode(big)).count...].allSatisfy { $0 == 0 })
    }

    @Test("a batch the full disk refused fails alone: later ones are written and replayable")
    func fullDisk() async throws {
        let (mounted, reason) = SmallDisk.mount()
        guard let disk = mounted else {
            print("skipped the journal's full-disk test: \(reason)")
            return
        }
        defer { disk.unmount() }
        let journal = GroupJournal(folder: disk.path)
        let first = JournalEntry(file: "a.jsonl", offset: 0, bytes: Array("first\n".utf8))
        try await journal.commit(first)
        disk.fill()
        let big = JournalEntry(file: "a.jsonl", offset: 6, bytes: Array(repeating: UInt8(ascii: "x"), count: 64 << 10))
        await #expect(throws: ServerError.self) { try await journal.commit(big) }
        disk.drain()
        let third = JournalEntry(file: "a.jsonl", offset: 6, bytes: Array("third\n".utf8))
        try await journal.commit(third)
        #expect(try Self.entries(in: disk.path) == [first, third])
    }

    @Test("a generation whose transcript cannot be flushed is kept, and so is every later one, until it can")
    func keptGenerations() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A symlink is never opened (O_NOFOLLOW): its flush fails as EMFILE or EIO would.
        #expect(FileManager.default.createFile(atPath: folder + "/elsewhere", contents: Data("x".utf8)))
        try FileManager.default.createSymbolicLink(atPath: folder + "/a.jsonl", withDestinationPath: folder + "/elsewhere")
        #expect(FileManager.default.createFile(atPath: folder + "/b.jsonl", contents: nil))
        let journal = GroupJournal(folder: folder, rotateAfter: 200)
        let line = Array(repeating: UInt8(ascii: "x"), count: 249) + [10]
        try await journal.commit(JournalEntry(file: "a.jsonl", offset: 0, bytes: line))
        try await journal.commit(JournalEntry(file: "b.jsonl", offset: 0, bytes: line))
        await journal.checkpoint()
        #expect(journal.retirements == 2 && journal.keptGenerations == 2)
        #expect(JournalReplay.generations(in: folder).count == 2)
        #expect(try Self.entries(in: folder).map(\.file) == ["a.jsonl", "b.jsonl"])

        try FileManager.default.removeItem(atPath: folder + "/a.jsonl")
        #expect(FileManager.default.createFile(atPath: folder + "/a.jsonl", contents: Data(line)))
        try await journal.commit(JournalEntry(file: "b.jsonl", offset: 250, bytes: line))
        await journal.checkpoint()
        #expect(journal.keptGenerations == 0)
        #expect(JournalReplay.generations(in: folder).isEmpty)
    }

    @Test("a generation of thousands of commits still knows every transcript it must flush")
    func manyCommitsKeepEveryName() async throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(FileManager.default.createFile(atPath: folder + "/elsewhere", contents: Data("x".utf8)))
        try FileManager.default.createSymbolicLink(atPath: folder + "/a.jsonl", withDestinationPath: folder + "/elsewhere")
        #expect(FileManager.default.createFile(atPath: folder + "/b.jsonl", contents: nil))
        let journal = GroupJournal(folder: folder)
        // The one commit to the transcript that cannot be flushed comes first, long before the
        // list of names has its repeats sorted out.
        try await journal.commit(JournalEntry(file: "a.jsonl", offset: 0, bytes: Array("a\n".utf8)))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for n in 0..<5_000 {
                group.addTask { try await journal.commit(JournalEntry(file: "b.jsonl", offset: n * 2, bytes: Array("b\n".utf8))) }
            }
            try await group.waitForAll()
        }
        await journal.checkpoint()
        #expect(journal.keptGenerations == 1, "a.jsonl could not be flushed, so its generation stays")
        try FileManager.default.removeItem(atPath: folder + "/a.jsonl")
        #expect(FileManager.default.createFile(atPath: folder + "/a.jsonl", contents: Data("a\n".utf8)))
        try await journal.commit(JournalEntry(file: "b.jsonl", offset: 10_000, bytes: Array("b\n".utf8)))
        await journal.checkpoint()
        #expect(journal.keptGenerations == 0)
    }
}
