import Foundation
import GRDB

extension Store {
    /// Applies a turn's effects in one transaction: either all of them are saved or none.
    /// Follow-ups fall due counted in `calendar` (the user's time zone; UTC unless given).
    public func apply(_ effects: [Effect], now: Date, calendar: BusinessCalendar = BusinessCalendar()) throws(StoreError) {
        guard !effects.isEmpty else { return }
        try write { db in
            for effect in effects {
                try Self.apply(effect, now: now, calendar: calendar, in: db)
            }
        }
    }

    /// The interview with this name, ignoring case.
    public func interview(named name: String) throws(StoreError) -> InterviewRecord? {
        try read { db in try Self.interview(named: name, in: db) }
    }

    /// Every interview, oldest first.
    public func interviews() throws(StoreError) -> [InterviewRecord] {
        try read { db in try InterviewRecord.order(Column("createdAt"), Column("id")).fetchAll(db) }
    }

    /// An interview's questions, in order.
    public func questions(for interviewId: Int64) throws(StoreError) -> [QuestionRecord] {
        try read { db in
            try QuestionRecord.filter(Column("interviewId") == interviewId).order(Column("position")).fetchAll(db)
        }
    }

    /// The answers saved for an interview, in the order they were first given.
    public func answers(for interviewId: Int64) throws(StoreError) -> [AnswerRecord] {
        try read { db in
            try AnswerRecord.filter(Column("interviewId") == interviewId).order(Column("id")).fetchAll(db)
        }
    }

    /// Mutes a coach rule (muting it again keeps the first time).
    public func mute(rule ruleId: String, now: Date) throws(StoreError) {
        try write { db in
            if try MutedRuleRecord.fetchOne(db, key: ruleId) == nil {
                try MutedRuleRecord(ruleId: ruleId, mutedAt: now).insert(db)
            }
        }
    }

    /// Unmutes a coach rule.
    public func unmute(rule ruleId: String) throws(StoreError) {
        _ = try write { db in try MutedRuleRecord.deleteOne(db, key: ruleId) }
    }

    /// The muted rules, by id.
    public func mutedRules() throws(StoreError) -> [MutedRuleRecord] {
        try read { db in try MutedRuleRecord.order(Column("ruleId")).fetchAll(db) }
    }
}

extension Store {
    /// The interview of a name, whatever its case.
    static func interview(named name: String, in db: Database) throws -> InterviewRecord? {
        if let exact = try InterviewRecord.filter(sql: "name = ? COLLATE NOCASE", arguments: [name]).fetchOne(db) {
            return exact
        }
        // SQLite's NOCASE folds only ASCII letters; names such as "Élodie" are compared here.
        let key = name.lowercased()
        return try InterviewRecord.fetchAll(db).first { $0.name.lowercased() == key }
    }

    /// The interview of a name, which must exist.
    static func existing(_ name: String, in db: Database) throws -> InterviewRecord {
        guard let interview = try interview(named: name, in: db) else { throw StoreError.noInterview(name) }
        return interview
    }
}

private extension Store {
    /// The answer fields that also fill a column of the interview.
    static let columns: [String: String] = [
        "name": "name", "role": "role", "organisation": "organisation", "connection": "connection",
        "immediate-boss": "isImmediateBoss",
    ]


    static func apply(_ effect: Effect, now: Date, calendar: BusinessCalendar, in db: Database) throws {
        switch effect {
        case .startInterview(let name, let stage):
            if try interview(named: name, in: db) == nil {
                var record = InterviewRecord(
                    id: nil, name: name, role: nil, organisation: nil, connection: nil, isImmediateBoss: nil,
                    stage: stage, referredBy: nil, createdAt: now, updatedAt: now)
                try record.insert(db)
            }
        case .renameInterview(let from, let to):
            var record = try existing(from, in: db)
            if let other = try interview(named: to, in: db), other.id != record.id { throw StoreError.nameTaken(other.name) }
            record.name = to
            record.updatedAt = now
            try record.update(db)
        case .save(let name, let flow, let step, let field, let value):
            var record = try existing(name, in: db)
            let id = record.id!
            if var answer = try AnswerRecord.filter(Column("interviewId") == id && Column("key") == field).fetchOne(db) {
                (answer.flow, answer.step, answer.value, answer.answeredAt) = (flow, step, value, now)
                try answer.update(db)
            } else {
                var answer = AnswerRecord(id: nil, interviewId: id, flow: flow, step: step, key: field, value: value, answeredAt: now)
                try answer.insert(db)
            }
            fill(&record, field: field, value: value)
            record.updatedAt = now
            try record.update(db)
        case .progress(let name, let flow, let step, let trail):
            let id = try existing(name, in: db).id!
            let json = String(decoding: try JSONEncoder().encode(trail), as: UTF8.self)
            try FlowProgressRecord(interviewId: id, flow: flow, step: step, trail: json, updatedAt: now, detail: nil).save(db)
        case .finished(let name, _):
            let id = try existing(name, in: db).id!
            _ = try FlowProgressRecord.deleteOne(db, key: id)
        case .advanceStage(let name, let stage):
            var record = try existing(name, in: db)
            let order = Stage.allCases
            guard order.firstIndex(of: stage)! > order.firstIndex(of: record.stage)! else { return }
            record.stage = stage
            record.updatedAt = now
            try record.update(db)
        case .saveQuestions(let name, let questions):
            var record = try existing(name, in: db)
            let id = record.id!
            try QuestionRecord.filter(Column("interviewId") == id).deleteAll(db)
            for (position, question) in questions.enumerated() {
                var row = QuestionRecord(
                    id: nil, interviewId: id, position: position, text: question.text, category: question.category,
                    origin: question.origin)
                try row.insert(db)
            }
            record.updatedAt = now
            try record.update(db)
        case .saveDetail(let name, let detail):
            let id = try existing(name, in: db).id!
            guard var row = try FlowProgressRecord.fetchOne(db, key: id) else { return }
            row.detail = try detail.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
            row.updatedAt = now
            try row.update(db)
        case .refer(let name, let referrer):
            let by = try existing(referrer, in: db).id
            if var record = try interview(named: name, in: db) {
                guard record.referredBy == nil, record.id != by else { return }
                record.referredBy = by
                record.updatedAt = now
                try record.update(db)
            } else {
                var record = InterviewRecord(
                    id: nil, name: name, role: nil, organisation: nil, connection: nil, isImmediateBoss: nil,
                    stage: .prepare, referredBy: by, createdAt: now, updatedAt: now)
                try record.insert(db)
            }
        case .followUp(let name, let kind, let text, let due):
            let id = try existing(name, in: db).id!
            var row = FollowUpRecord(
                id: nil, interviewId: id, kind: kind, text: text, dueAt: due.resolve(from: now, in: calendar), doneAt: nil,
                createdAt: now)
            try row.insert(db)
        case .completeFollowUp(let id, let reportBack):
            guard var row = try FollowUpRecord.fetchOne(db, key: id), row.doneAt == nil else { return }
            row.doneAt = now
            try row.update(db)
            if let reportBack, row.kind == .assignment {
                var next = FollowUpRecord(
                    id: nil, interviewId: row.interviewId, kind: .reportBack, text: reportBack,
                    dueAt: calendar.adding(businessDays: 1, to: now), doneAt: nil, createdAt: now)
                try next.insert(db)
            }
        case .mute(let rule):
            if try MutedRuleRecord.fetchOne(db, key: rule) == nil {
                try MutedRuleRecord(ruleId: rule, mutedAt: now).insert(db)
            }
        case .unmute(let rule):
            _ = try MutedRuleRecord.deleteOne(db, key: rule)
        case .conduct(let effect):
            try apply(effect, now: now, in: db)
        }
    }

    static func fill(_ record: inout InterviewRecord, field: String, value: String) {
        switch columns[field] {
        case "name": record.name = value
        case "role": record.role = value
        case "organisation": record.organisation = value
        case "connection": record.connection = value
        case "isImmediateBoss": record.isImmediateBoss = value == "yes" ? true : value == "no" ? false : nil
        default: break
        }
    }
}
