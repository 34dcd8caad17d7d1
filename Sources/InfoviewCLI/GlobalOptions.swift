import ArgumentParser
import Foundation
import InfoviewCore

/// Options every command shares: where the database and the prompts are.
struct GlobalOptions: ParsableArguments {
    @Option(help: "The database file (default: $INFOVIEW_DB, else $XDG_DATA_HOME/infoview/infoview.sqlite).")
    var db: String?

    @Option(help: "A prompts folder to use instead of the built-in one (default: $INFOVIEW_PROMPTS).")
    var prompts: String?

    /// What the options say, as a plain value.
    var locations: Locations { Locations(db: db, prompts: prompts) }
}
