import Foundation
import GRDB

extension Store {
    /// Everything the dialogue engine needs to know, read in one transaction (in plain SQL: this
    /// runs at every start, and the query builder would first read each table's schema).
    public func overview() throws(StoreError) -> Overview {
        try read { db in
            let interviews = try InterviewRecord.fetchAll(db, sql: "SELECT * FROM interview ORDER BY createdAt, id")
            let answers = try AnswerRecord.fetchAll(db, sql: "SELECT * FROM answer ORDER BY id")
            let progress = try FlowProgressRecord.fetchAll(db, sql: "SELECT * FROM flowProgress ORDER BY updatedAt DESC, interviewId DESC")
            let questions = try QuestionRecord.fetchAll(db, sql: "SELECT * FROM question ORDER BY interviewId, position")
            let questionsByInterview = Dictionary(grouping: questions, by: \.interviewId).mapValues { rows in
                rows.map { PlannedQuestion(text: $0.text, category: $0.category, origin: $0.origin) }
            }
            var byInterview: [Int64: [String: String]] = [:]
            for answer in answers { byInterview[answer.interviewId, default: [:]][answer.key] = answer.value }
            let progressByInterview = Dictionary(progress.map { ($0.interviewId, $0) }) { first, _ in first }
            let names = Dictionary(uniqueKeysWithValues: interviews.map { ($0.id!, $0.name) })
            let snapshots = interviews.map { record -> Overview.Interview in
                let saved = byInterview[record.id!] ?? [:]
                let list = questionsByInterview[record.id!] ?? []
                let interrupted = progressByInterview[record.id!].map { row in
                    FlowProgress(
                        flow: row.flow, interview: record.name, step: row.step,
                        trail: (try? JSONDecoder().decode([String].self, from: Data(row.trail.utf8))) ?? [],
                        answers: saved, questions: list,
                        detail: row.detail.flatMap { try? JSONDecoder().decode(StepDetail.self, from: Data($0.utf8)) })
                }
                var snapshot = Overview.Interview(
                    name: record.name, stage: record.stage, answers: saved, interrupted: interrupted, questions: list)
                snapshot.referredBy = record.referredBy.flatMap { names[$0] }
                return snapshot
            }
            var overview = Overview(interviews: snapshots, recentlyInterrupted: progress.compactMap { names[$0.interviewId] })
            overview.mutedRules = Set(try MutedRuleRecord.fetchAll(db, sql: "SELECT * FROM mutedRule").map(\.ruleId))
            (overview.rehearsals, overview.liveSessions, overview.flowPausedAt) = try Self.conduct(in: db, names: names)
            overview.followUps = try FollowUpRecord.fetchAll(db, sql: "SELECT * FROM followUp WHERE doneAt IS NULL ORDER BY dueAt, id")
                .compactMap { row in
                    names[row.interviewId].map { FollowUp(id: row.id!, interview: $0, kind: row.kind, text: row.text, due: row.dueAt) }
                }
            return overview
        }
    }
}
