import GRDB

extension StoreMigrations {
    /// `v3-rehearsals`: rehearsals with their transcript, flags, state and scorecard, and the
    /// notes of live meetings.
    static func registerRehearsals(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-rehearsals") { db in
            try db.create(table: "rehearsal") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("interviewId", .integer).notNull().indexed().references("interview", onDelete: .cascade)
                t.column("attempt", .integer).notNull()
                t.column("persona", .text).notNull()
                t.column("plannedMinutes", .integer).notNull()
                t.column("state", .text)
                t.column("scorecard", .text)
                t.column("startedAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
                t.column("finishedAt", .datetime)
                t.uniqueKey(["interviewId", "attempt"])
            }
            try db.create(table: "rehearsalLine") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("rehearsalId", .integer).notNull().indexed().references("rehearsal", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("speaker", .text).notNull().check(sql: "speaker IN ('user', 'insider')")
                t.column("text", .text).notNull()
                t.column("topic", .text)
                t.column("flags", .text).notNull().defaults(to: "[]")
                t.column("minute", .integer).notNull()
                t.column("isRetried", .boolean).notNull().defaults(to: false)
                t.column("saidAt", .datetime).notNull()
                t.uniqueKey(["rehearsalId", "position"])
            }
            try db.create(table: "liveSession") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("interviewId", .integer).notNull().indexed().references("interview", onDelete: .cascade)
                t.column("session", .integer).notNull()
                t.column("plannedMinutes", .integer).notNull()
                t.column("state", .text)
                t.column("startedAt", .datetime).notNull()
                t.column("updatedAt", .datetime).notNull()
                t.column("finishedAt", .datetime)
                t.uniqueKey(["interviewId", "session"])
            }
            try db.create(table: "liveNote") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("liveSessionId", .integer).notNull().indexed().references("liveSession", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("question", .text)
                t.column("note", .text).notNull()
                t.column("elapsedSeconds", .integer).notNull()
                t.column("notedAt", .datetime).notNull()
                t.uniqueKey(["liveSessionId", "position"])
            }
        }
    }
}
