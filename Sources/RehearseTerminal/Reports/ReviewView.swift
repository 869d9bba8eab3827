import Foundation
import RehearseCore

/// What `practice --review` says when nothing is due.
public enum ReviewView {
    /// "Nothing is due for review." with the next question due, or a nudge to practise first.
    public static func nothingDue(_ items: [ReviewItem], at now: Date) -> String {
        let next = items.filter { $0.due > now }.min { $0.due < $1.due }
        return "Nothing is due for review."
            + (next.map { " Next: \(SafeText.clean($0.questionID)) on \(SessionReplayView.dateText($0.due))." }
                ?? " Practise first: rehearse practice")
    }
}
