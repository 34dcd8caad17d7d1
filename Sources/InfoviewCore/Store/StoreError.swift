/// Why the database cannot be opened or written, in words the user can act on.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file exists but is not an infoview database; it was not touched.
    case notADatabase(path: String, detail: String)
    /// The file is an SQLite database, but damaged (truncated, overwritten); it was not touched.
    case damaged(path: String, detail: String)
    /// The disk holding the database has no space left; nothing more was written.
    case diskFull(path: String)
    /// The database was written by a newer infoview; it was not touched.
    case newerSchema(path: String, unknownMigrations: [String])
    /// Another process held the database longer than the busy timeout.
    case busy(path: String)
    /// The file or its folder cannot be opened or created.
    case cannotOpen(path: String, detail: String)
    /// No interview has this name (a caller asked to save into one that does not exist).
    case noInterview(String)
    /// Another interview already has this name.
    case nameTaken(String)
    /// No rehearsal of this interview has this number (a caller asked to save into one that does not exist).
    case noRehearsal(String, attempt: Int)
    /// No live session of this interview has this number.
    case noLiveSession(String, session: Int)
    /// Any other SQLite failure.
    case failed(path: String, detail: String)

    /// The message to show.
    public var description: String {
        switch self {
        case .notADatabase(let path, let detail):
            return "\(path) is not an infoview database (\(detail)) — left untouched; point --db or INFOVIEW_DB at another file"
        case .damaged(let path, let detail):
            return "\(path) is damaged (\(detail)) — left untouched; restore it from a copy (infoview keeps one as PATH.bak-… before each upgrade) or point --db or INFOVIEW_DB at another file"
        case .diskFull(let path):
            return "the disk that holds \(path) is full, so nothing more could be written; free some space first"
        case .newerSchema(let path, let unknown):
            return "\(path) was written by a newer infoview (it has changes this version does not know: \(unknown.joined(separator: ", "))) — nothing was written; update infoview to open it"
        case .busy(let path):
            return "the database is busy: another infoview is writing to \(path); try again in a moment"
        case .cannotOpen(let path, let detail):
            return "cannot open the database \(path): \(detail)"
        case .noInterview(let name):
            return "there is no interview named '\(name)' (expected one started with /prepare)"
        case .nameTaken(let name):
            return "there is already an interview named '\(name)' (expected a name not in /list)"
        case .noRehearsal(let name, let attempt):
            return "there is no rehearsal \(attempt) of the interview with '\(name)' (expected one started with /rehearse)"
        case .noLiveSession(let name, let session):
            return "there is no live session \(session) of the interview with '\(name)' (expected one started with /live)"
        case .failed(let path, let detail):
            return "the database \(path) failed: \(detail)"
        }
    }
}
