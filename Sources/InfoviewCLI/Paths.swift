import Foundation

/// Where infoview keeps its files, by the XDG Base Directory rules.
///
/// Data (the database) goes under `$XDG_DATA_HOME/infoview`, else `~/.local/share/infoview`;
/// state (the line history) under `$XDG_STATE_HOME/infoview`, else `~/.local/state/infoview`.
/// A variable that is empty or holds a relative path is ignored, as the rules require.
struct Paths: Sendable, Equatable {
    /// The folder for the database.
    var dataDirectory: String
    /// The folder for the line history.
    var stateDirectory: String

    /// The default database file.
    var databasePath: String { dataDirectory + "/infoview.sqlite" }
    /// The line history file.
    var historyPath: String { stateDirectory + "/history" }

    /// The folders for an environment; `home` stands in when `HOME` is unset or empty.
    init(environment: [String: String], home: String? = nil) {
        let home = Self.absolute(environment["HOME"]) ?? home ?? "/"
        let homeFolder = home.hasSuffix("/") ? String(home.dropLast()) : home
        let dataHome = Self.absolute(environment["XDG_DATA_HOME"]) ?? homeFolder + "/.local/share"
        let stateHome = Self.absolute(environment["XDG_STATE_HOME"]) ?? homeFolder + "/.local/state"
        dataDirectory = Self.joined(dataHome, "infoview")
        stateDirectory = Self.joined(stateHome, "infoview")
    }

    /// The folders for this process: its environment, and the password database when `HOME`
    /// is unset.
    static func current() -> Paths {
        var home: String?
        if let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir {
            home = String(cString: directory)
        }
        return Paths(environment: ProcessInfo.processInfo.environment, home: home)
    }

    /// Creates a folder and any missing parents, each new one readable by its owner only (0700).
    static func makeDirectory(_ path: String) throws(PathError) {
        var built = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            built += "/" + component
            if mkdir(built, 0o700) == 0 { continue }
            let code = errno
            var status = stat()
            guard code == EEXIST, stat(built, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
                throw PathError(path: built, reason: code == EEXIST ? "it exists and is not a folder" : String(cString: strerror(code)))
            }
        }
    }
}

/// A folder that could not be created.
struct PathError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The folder.
    var path: String
    /// What the system said.
    var reason: String

    var description: String { "cannot create the folder \(path): \(reason)" }
}

private extension Paths {
    static func absolute(_ value: String?) -> String? {
        guard let value, value.hasPrefix("/") else { return nil }
        return value
    }

    static func joined(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
