import MigrationCore

extension EditorState {
    /// `f`: applies the first fix of QEMU's first error, the one QEMU would stop at, so
    /// pressing `f` repeatedly walks the configuration towards one QEMU accepts.
    mutating func fixFirstError() {
        guard let diagnostic = analysis.firstErrorToFix else {
            status = .info(analysis.report.diagnostics.isEmpty
                ? "No error to fix: QEMU \(document.version) accepts this configuration"
                : "No error to fix: QEMU \(document.version) only warns (p lists the warnings)")
            return
        }
        applyFirstFix(of: diagnostic)
    }

    /// Applies a diagnostic's first fix as one undoable change, focusing the first entry it
    /// changed, and says what it did and which error it cleared.
    mutating func applyFirstFix(of diagnostic: Diagnostic) {
        var cache = fixes
        cache.find(for: [diagnostic])
        guard let fix = cache.first(for: diagnostic) else {
            status = .info("No fix found for: \(diagnostic.message) · i shows the rules involved")
            return
        }
        let label = FixText.label(fix, version: document.version)
        change(label) { fix.apply(to: &$0.configuration, host: &$0.host) }
        if let subject = fix.changes.first?.subject { reveal(subject) }
        status = .info("\(label) · cleared: \(diagnostic.message) · u undoes")
    }
}
