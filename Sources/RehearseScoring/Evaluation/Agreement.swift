import Foundation

/// How well scores agree with human grades, with the definitions of
/// `shared/evaldata/metrics.py`: pooled Pearson r, Spearman rho (average ranks for ties),
/// mean per-question Pearson r over questions where both sides vary, and RMSE on a 0–1 scale.
public struct Agreement: Sendable, Hashable, Codable {
    /// Number of answers.
    public let n: Int
    /// Pooled Pearson correlation.
    public let pearson: Double
    /// Pooled Spearman rank correlation.
    public let spearman: Double
    /// Mean of per-question Pearson correlations.
    public let qPearson: Double
    /// Root mean squared error of score/100 against grade/max.
    public let rmse: Double

    enum CodingKeys: String, CodingKey {
        case n, pearson, spearman
        case qPearson = "q_pearson"
        case rmse
    }

    /// Computes every figure for `pairs`.
    public init(_ pairs: [GradedPrediction]) {
        let x = pairs.map(\.predicted)
        let y = pairs.map(\.gold)
        n = pairs.count
        pearson = Self.pearson(x, y)
        spearman = Self.pearson(Self.ranks(x), Self.ranks(y))
        var byQuestion: [[GradedPrediction]] = []
        var position: [String: Int] = [:]
        for pair in pairs {
            if let index = position[pair.questionID] {
                byQuestion[index].append(pair)
            } else {
                position[pair.questionID] = byQuestion.count
                byQuestion.append([pair])
            }
        }
        let perQuestion = byQuestion.map { Self.pearson($0.map(\.predicted), $0.map(\.gold)) }
            .filter { !$0.isNaN }
        qPearson = perQuestion.isEmpty ? .nan : perQuestion.reduce(0, +) / Double(perQuestion.count)
        rmse = n == 0 ? .nan : (zip(x, y).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(n)).squareRoot()
    }

    /// Pearson r; NaN when fewer than two values or either side is constant.
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        let n = Double(x.count)
        guard x.count >= 2, x.count == y.count else { return .nan }
        let mx = x.reduce(0, +) / n
        let my = y.reduce(0, +) / n
        var sxy = 0.0
        var sxx = 0.0
        var syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        return sxx == 0 || syy == 0 ? .nan : sxy / (sxx * syy).squareRoot()
    }

    /// 1-based ranks, ties sharing their average rank.
    public static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count, values[order[j + 1]] == values[order[i]] { j += 1 }
            for k in i...j { ranks[order[k]] = Double(i + j) / 2 + 1 }
            i = j + 1
        }
        return ranks
    }
}
