import Foundation
import GRDB

extension Store {
    /// The transcript of one rehearsal, line by line, retried lines included.
    public func rehearsalLines(interview: String, attempt: Int) throws(StoreError) -> [RehearsalLineRecord] {
        try read { db in
            guard let rehearsal = try Self.rehearsal(interview, attempt, in: db) else { return [] }
            return try RehearsalLineRecord.filter(Column("rehearsalId") == rehearsal.id!).order(Column("position")).fetchAll(db)
        }
    }

    /// The notes of one live session, in checklist order.
    public func liveNotes(interview: String, session: Int) throws(StoreError) -> [LiveNoteRecord] {
        try read { db in
            guard let live = try Self.liveSession(interview, session, in: db) else { return [] }
            return try LiveNoteRecord.filter(Column("liveSessionId") == live.id!).order(Column("position")).fetchAll(db)
        }
    }

    /// Applies what a rehearsal or a live meeting saves, inside the caller's transaction.
    static func apply(_ effect: ConductEffect, now: Date, in db: Database) throws {
        switch effect {
        case .startRehearsal(let name, let attempt, let persona, let minutes):
            let interview = try existing(name, in: db)
            guard try rehearsal(interview, attempt, in: db) == nil else { return }
            var record = RehearsalRecord(
                id: nil, interviewId: interview.id!, attempt: attempt, persona: persona, plannedMinutes: minutes, state: nil,
                scorecard: nil, startedAt: now, updatedAt: now, finishedAt: nil)
            try record.insert(db)
        case .rehearsalLine(let name, let attempt, let line):
            let rehearsal = try existingRehearsal(name, attempt, in: db)
            let position = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(position) + 1, 0) FROM rehearsalLine WHERE rehearsalId = ?", arguments: [rehearsal.id!]) ?? 0
            var record = RehearsalLineRecord(
                id: nil, rehearsalId: rehearsal.id!, position: position, speaker: line.speaker.rawValue, text: line.text, topic: line.topic,
                flags: try json(line.flags), minute: line.minute, isRetried: false, saidAt: now)
            try record.insert(db)
        case .retractLastExchange(let name, let attempt):
            let rehearsal = try existingRehearsal(name, attempt, in: db)
            try db.execute(
                sql: """
                    UPDATE rehearsalLine SET isRetried = 1 WHERE rehearsalId = :id AND position >= (
                        SELECT MAX(position) FROM rehearsalLine WHERE rehearsalId = :id AND speaker = 'user' AND isRetried = 0)
                    """,
                arguments: ["id": rehearsal.id!])
        case .rehearsalState(let progress):
            var rehearsal = try existingRehearsal(progress.interview, progress.attempt, in: db)
            rehearsal.state = try json(progress)
            rehearsal.updatedAt = now
            try rehearsal.update(db)
        case .finishRehearsal(let name, let attempt, let scorecard):
            var rehearsal = try existingRehearsal(name, attempt, in: db)
            rehearsal.state = nil
            rehearsal.scorecard = try json(scorecard)
            rehearsal.updatedAt = now
            rehearsal.finishedAt = now
            try rehearsal.update(db)
        case .startLive(let name, let session, let minutes, let startedAt):
            let interview = try existing(name, in: db)
            guard try liveSession(interview, session, in: db) == nil else { return }
            var record = LiveSessionRecord(
                id: nil, interviewId: interview.id!, session: session, plannedMinutes: minutes, state: nil, startedAt: startedAt,
                updatedAt: now, finishedAt: nil)
            try record.insert(db)
        case .liveNote(let name, let session, let position, let question, let note, let seconds):
            let live = try existingLiveSession(name, session, in: db)
            if var record = try LiveNoteRecord.filter(Column("liveSessionId") == live.id! && Column("position") == position).fetchOne(db) {
                (record.question, record.note, record.elapsedSeconds, record.notedAt) = (question, note, seconds, now)
                try record.update(db)
            } else {
                var record = LiveNoteRecord(
                    id: nil, liveSessionId: live.id!, position: position, question: question, note: note, elapsedSeconds: seconds, notedAt: now)
                try record.insert(db)
            }
        case .liveState(let progress):
            var live = try existingLiveSession(progress.interview, progress.session, in: db)
            live.state = try json(progress)
            live.updatedAt = now
            try live.update(db)
        case .finishLive(let name, let session):
            var live = try existingLiveSession(name, session, in: db)
            live.state = nil
            live.updatedAt = now
            live.finishedAt = now
            try live.update(db)
            // The meeting happened: what is left is the debrief.
            try db.execute(
                sql: "UPDATE interview SET stage = 'debrief', updatedAt = ? WHERE id = ? AND stage IN ('prepare', 'conduct')",
                arguments: [now, live.interviewId])
        }
    }

    /// Every rehearsal and live session, for the overview, the most recently touched last.
    static func conduct(
        in db: Database, names: [Int64: String]
    ) throws -> (rehearsals: [RehearsalSummary], live: [LiveSummary], flowPausedAt: Date?) {
        let decoder = JSONDecoder()
        func decode<T: Decodable>(_ type: T.Type, _ text: String?) -> T? {
            text.flatMap { try? decoder.decode(type, from: Data($0.utf8)) }
        }
        let rehearsals = try RehearsalRecord.fetchAll(db, sql: "SELECT * FROM rehearsal ORDER BY updatedAt, id").compactMap { record -> RehearsalSummary? in
            guard let name = names[record.interviewId] else { return nil }
            return RehearsalSummary(
                interview: name, attempt: record.attempt, persona: record.persona, scorecard: decode(Scorecard.self, record.scorecard),
                progress: decode(RehearsalProgress.self, record.state), updatedAt: record.updatedAt)
        }
        var notes: [Int64: [LiveNote]] = [:]
        for note in try LiveNoteRecord.fetchAll(db, sql: "SELECT * FROM liveNote ORDER BY liveSessionId, position") {
            notes[note.liveSessionId, default: []].append(LiveNote(position: note.position, question: note.question, text: note.note))
        }
        let live = try LiveSessionRecord.fetchAll(db, sql: "SELECT * FROM liveSession ORDER BY updatedAt, id").compactMap { record -> LiveSummary? in
            guard let name = names[record.interviewId] else { return nil }
            return LiveSummary(
                interview: name, session: record.session, notes: notes[record.id!] ?? [], progress: decode(LiveProgress.self, record.state),
                updatedAt: record.updatedAt)
        }
        let flowPausedAt = try FlowProgressRecord.fetchOne(db, sql: "SELECT * FROM flowProgress ORDER BY updatedAt DESC LIMIT 1")?.updatedAt
        return (rehearsals, live, flowPausedAt)
    }
}

private extension Store {
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func rehearsal(_ interview: InterviewRecord, _ attempt: Int, in db: Database) throws -> RehearsalRecord? {
        try RehearsalRecord.filter(Column("interviewId") == interview.id! && Column("attempt") == attempt).fetchOne(db)
    }

    static func rehearsal(_ name: String, _ attempt: Int, in db: Database) throws -> RehearsalRecord? {
        try rehearsal(try existing(name, in: db), attempt, in: db)
    }

    static func existingRehearsal(_ name: String, _ attempt: Int, in db: Database) throws -> RehearsalRecord {
        guard let found = try rehearsal(name, attempt, in: db) else { throw StoreError.noRehearsal(name, attempt: attempt) }
        return found
    }

    static func liveSession(_ interview: InterviewRecord, _ session: Int, in db: Database) throws -> LiveSessionRecord? {
        try LiveSessionRecord.filter(Column("interviewId") == interview.id! && Column("session") == session).fetchOne(db)
    }

    static func liveSession(_ name: String, _ session: Int, in db: Database) throws -> LiveSessionRecord? {
        try liveSession(try existing(name, in: db), session, in: db)
    }

    static func existingLiveSession(_ name: String, _ session: Int, in db: Database) throws -> LiveSessionRecord {
        guard let found = try liveSession(name, session, in: db) else { throw StoreError.noLiveSession(name, session: session) }
        return found
    }
}
