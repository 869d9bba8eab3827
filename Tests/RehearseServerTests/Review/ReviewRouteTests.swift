import Foundation
import RehearseAPI
import RehearseCore
import Testing

@testable import RehearseServer

/// The reviewers' routes over HTTP, on both stores: a named session listed, opened, graded
/// (append-only) and exported, and a grade teaching the scorer.
@Suite("Reviewers list, open, grade and export sessions")
struct ReviewRouteTests {
    static let named = #"{"seed": 7, "count": 2, "follow_up": false, "candidate": "Ana <b>Lima</b>"}"#

    /// The bank's reference answer of question `id`: an answer that shows its concepts.
    static func reference(_ id: String) throws -> String {
        try #require(TestDaemon.catalog.question(id: id)).answer
    }

    @Test("a named session is listed, opened with its evidence, graded twice and exported", arguments: StoreKind.allCases)
    func wholeReview(kind: StoreKind) async throws {
        try await ReviewDaemon.with(kind) { daemon, store in
            let (id, token, created) = try await daemon.create(Self.named)
            let first = try #require(created.session.question?.id)
            try await daemon.answer(try Self.reference(first), id: id, token: token)
            _ = try await daemon.create(#"{"seed": 8, "count": 1, "candidate": "Bo"}"#)

            let list = try await daemon.review("GET", "/v1/review/sessions?candidate=ANA+%3Cb%3E")
            #expect(list.status == 200)
            let page = try JSONDecoder().decode(ReviewSessionList.self, from: list.body)
            #expect(page.sessions.map(\.id) == [id] && page.nextCursor == nil)
            let summary = try #require(page.sessions.first)
            #expect(summary.candidate == "Ana <b>Lima</b>" && summary.status == "live" && summary.answered == 1)
            #expect(summary.reviewed == 0 && summary.reviewedScore == nil)
            let ended = try JSONDecoder().decode(
                ReviewSessionList.self, from: try await daemon.review("GET", "/v1/review/sessions?status=ended").body)
            #expect(ended.sessions.isEmpty)

            let opened = try await daemon.review("GET", "/v1/review/sessions/\(id)")
            #expect(opened.status == 200)
            let detail = try JSONDecoder().decode(ReviewSessionDetail.self, from: opened.body)
            let question = try #require(detail.questions.first)
            #expect(question.questionID == first && question.attempts.count == 1)
            let attempt = try #require(question.attempts.first)
            #expect(attempt.answer == (try Self.reference(first)) && attempt.score ?? 0 > 50)
            #expect(!attempt.matched.isEmpty && attempt.matched.allSatisfy { !$0.evidence.isEmpty })
            #expect(detail.transcript.hasSuffix(".jsonl"))

            let graded = try await daemon.review(
                "POST", "/v1/review/sessions/\(id)/grades", body: #"{"question_id": "\#(first)", "score": 35, "note": "=SUM(A1)", "reviewer": "Cy"}"#)
            #expect(graded.status == 201, "\(TestDaemon.error(graded.body))")
            let grade = try JSONDecoder().decode(GradeCreated.self, from: graded.body)
            #expect(grade.reviewed == 1 && grade.attempt == 1 && grade.grade.reviewer == "Cy")
            // Two questions asked, the second not answered yet: (35 + 0) / 2.
            #expect(grade.reviewedScore == 17.5)
            let again = try await daemon.review("POST", "/v1/review/sessions/\(id)/grades", body: #"{"question_id": "\#(first)", "score": 90}"#)
            #expect(again.status == 201)
            #expect(try JSONDecoder().decode(GradeCreated.self, from: again.body).reviewedScore == 45)

            // Append-only: both lines are in the transcript, and the later one counts.
            let lines = try await store.transcript(session: id, token: token).split(separator: UInt8(ascii: "\n"))
                .map { try JSONDecoder().decode(TranscriptRecord.self, from: Data($0)) }
            let reviews = lines.filter { $0.type == .review }
            #expect(reviews.map(\.score) == [35, 90] && reviews.allSatisfy { $0.questionID == first && $0.attempt == 1 })
            #expect(reviews.first?.note == "=SUM(A1)" && reviews.first?.scorerScore == attempt.score)
            let regraded = try JSONDecoder().decode(ReviewSessionDetail.self, from: try await daemon.review("GET", "/v1/review/sessions/\(id)").body)
            #expect(regraded.questions.first?.reviewedScore == 90)
            #expect(regraded.questions.first?.attempts.first?.reviews.map(\.score) == [35, 90])
            #expect(regraded.session.reviewed == 1 && regraded.session.reviewedScore == 45)

            let csv = try await daemon.review("GET", "/v1/review/export.csv")
            #expect(csv.status == 200 && csv.headers["content-type"] == "text/csv; charset=utf-8")
            let rows = String(decoding: csv.body, as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(rows.first == ReviewCSV.header.joined(separator: ","))
            #expect(rows.count == 2, "one answered answer: \(rows)")
            #expect(rows.last?.hasPrefix("Ana <b>Lima</b>,\(id),") == true)
            #expect(rows.last?.hasSuffix(",\(first),1,\(DisplayFormat.score(attempt.score ?? 0)),90,,") == true, "\(rows)")

            // The session goes on with the review lines in its transcript, and ends.
            let last = try await daemon.answer("The ORM maps models to tables.", id: id, token: token)
            #expect((last["session"] as? [String: Any])?["status"] as? String == "finished")
            let finished = try JSONDecoder().decode(
                ReviewSessionList.self, from: try await daemon.review("GET", "/v1/review/sessions?status=ended").body)
            #expect(finished.sessions.map(\.id) == [id])
            #expect(
                try await daemon.review("POST", "/v1/review/sessions/\(id)/grades", body: #"{"question_id": "\#(first)", "score": 70}"#).status == 201
            )
        }
    }

    @Test("a grade teaches the scorer: the same answer in a later session scores closer to it", arguments: StoreKind.allCases)
    func gradesTeach(kind: StoreKind) async throws {
        let answer = "It keeps things quick by remembering earlier results somewhere."
        let learned = try await ReviewDaemon.with(kind) { daemon, _ in try await Self.before(answer, daemon) }
        let unlearned = try await ReviewDaemon.with(kind, learning: false) { daemon, _ in try await Self.before(answer, daemon) }
        guard let learned, let unlearned else { return }
        #expect(learned.after >= learned.before + 20, "graded 95: \(learned)")
        #expect(learned.explained, "the feedback names the reviewed answer it resembles")
        #expect(unlearned.after == unlearned.before, "scorer.learn_from_reviews off: \(unlearned)")
    }

    /// Scores `answer` in one session, grades it 95, and scores it again in a new session.
    private static func before(_ answer: String, _ daemon: InProcessDaemon) async throws -> (before: Double, after: Double, explained: Bool) {
        let (id, token, created) = try await daemon.create(#"{"seed": 3, "count": 1, "follow_up": false}"#)
        let question = try #require(created.session.question?.id)
        let first = try #require(InProcessDaemon.scores(try await daemon.answer(answer, id: id, token: token)).first)
        let graded = try await daemon.review("POST", "/v1/review/sessions/\(id)/grades", body: #"{"question_id": "\#(question)", "score": 95}"#)
        #expect(graded.status == 201)
        let (next, nextToken, again) = try await daemon.create(#"{"seed": 3, "count": 1, "follow_up": false}"#)
        #expect(again.session.question?.id == question)
        let reply = try await daemon.answer(answer, id: next, token: nextToken)
        let second = try #require(InProcessDaemon.scores(reply).first)
        let explained = (reply["messages"] as? [[String: Any]] ?? []).contains { message in
            ((message["report"] as? [String: Any])?["closest_samples"] as? [[String: Any]] ?? []).contains {
                ($0["label"] as? String)?.hasPrefix("review \(id.prefix(8))") == true
            }
        }
        return (first, second, explained)
    }

    @Test("pages follow the cursor, newest first, with no session twice", arguments: StoreKind.allCases)
    func paging(kind: StoreKind) async throws {
        try await ReviewDaemon.with(kind) { daemon, _ in
            var ids: Set<String> = []
            for seed in 0..<5 { ids.insert(try await daemon.create(#"{"seed": \#(seed), "count": 1}"#).id) }
            var seen: [String] = []
            var cursor: String?
            repeat {
                let path = "/v1/review/sessions?limit=2" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try JSONDecoder().decode(ReviewSessionList.self, from: try await daemon.review("GET", path).body)
                #expect(page.sessions.count <= 2)
                seen += page.sessions.map(\.id)
                cursor = page.nextCursor
            } while cursor != nil
            #expect(seen.count == 5 && Set(seen) == ids)
            let whole = try JSONDecoder().decode(ReviewSessionList.self, from: try await daemon.review("GET", "/v1/review/sessions").body)
            #expect(whole.sessions.map(\.id) == seen, "pages in the order of the whole list")
            #expect(whole.sessions.map(\.startedAt) == whole.sessions.map(\.startedAt).sorted(by: >))
        }
    }
}
