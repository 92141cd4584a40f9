import MigrationCore

extension EditorState {
    /// Attaches the editor to a running QEMU: its settings become the document, as they are
    /// now, so `q` asks only about changes neither applied nor saved.
    public mutating func attach(to target: LiveTarget) {
        live = target
        document = target.snapshot.profile
        savedDocument = document
        refresh()
    }

    /// `a`: the difference between the document and what QEMU holds, for a yes or a no; or why
    /// there is nothing to apply: no QEMU attached, no difference, a configuration QEMU would
    /// refuse (checked locally, so nothing is sent), or capability changes during a migration.
    mutating func requestApply() {
        guard let live else {
            status = .info("a applies the settings to a running QEMU; attach to one with migedit edit --qmp SOCKET")
            return
        }
        let plan = ApplyPlan(
            from: live.snapshot.profile.configuration, to: document.configuration, version: live.snapshot.version,
            host: document.host)
        if plan.isEmpty {
            status = .info("\(live.name) already holds these settings; nothing to apply")
        } else if let error = report.firstError {
            status = .error("QEMU \(live.snapshot.version) would refuse this: \(error.message); nothing is sent")
        } else if live.snapshot.isMigrating && plan.changesCapabilities {
            status = .error("A migration runs (\(live.snapshot.migrationStatus)): \(LiveSnapshot.migrationInProgress); only parameters can change now")
        } else {
            mode = .confirmApply(ApplyConfirmation(plan: plan, wanted: document))
        }
    }

    /// Keys of the apply question: `y` sends, `n`, Esc or `q` goes back, arrows scroll.
    mutating func handleConfirmApply(_ key: Key, _ confirmation: ApplyConfirmation) -> [EditorEffect] {
        var confirmation = confirmation
        switch key {
        case .character("y"):
            mode = .list
            return [.applyLive(confirmation.plan, wanted: confirmation.wanted)]
        case .character("n"), .character("q"), .escape:
            mode = .list
            status = .info("Nothing was sent to QEMU")
        case .up, .character("k"): confirmation.scroll -= 1
        case .down, .character("j"): confirmation.scroll += 1
        case .pageUp: confirmation.scroll -= Layout(size: size).screenBodyHeight
        case .pageDown: confirmation.scroll += Layout(size: size).screenBodyHeight
        default: break
        }
        let height = Layout(size: size).screenBodyHeight
        let lines = ApplyScreen.lines(for: confirmation, target: live?.name ?? "", width: size.columns - 3).count
        confirmation.scroll = max(0, min(confirmation.scroll, lines - height))
        if case .confirmApply = mode { mode = .confirmApply(confirmation) }
        return []
    }

    /// `r`: asks for QEMU's settings again.
    mutating func requestReread() -> [EditorEffect] {
        guard live != nil else {
            status = .info("r re-reads a running QEMU's settings; attach to one with migedit edit --qmp SOCKET")
            return []
        }
        return [.readLive(host: document.host)]
    }

    /// QEMU's settings, read again: they become the document as one change (`u` brings the
    /// edits they replace back).
    mutating func didReadLive(_ snapshot: LiveSnapshot) {
        guard var target = live else { return }
        target.snapshot = snapshot
        target.error = nil
        live = target
        let replaced = change("re-read from QEMU") { $0 = snapshot.profile }
        savedDocument = document
        status = .info("Read \(target.name) again" + (replaced ? "; u brings back what it replaced" : "; nothing changed"))
    }

    /// What an apply did: the settings QEMU reads back become the last known state; a refusal
    /// (QEMU's words) or a value not taken goes to the error pane, the document staying as
    /// the user made it so the apply can be fixed and tried again.
    mutating func didApplyLive(_ outcome: LiveApplyOutcome, wanted: Profile) {
        guard var target = live else { return }
        target.snapshot = outcome.readBack
        target.error = nil
        if let refusal = outcome.refusal {
            target.error = "QEMU refused: \(refusal)"
            status = .error("\(target.name) refused the change; nothing after it was sent")
        } else if !outcome.notTaken.isEmpty {
            let names = outcome.notTaken.map { "\($0.id.item.name) (holds \(ValueFormatter.displayText($0.running, as: $0.id.item.type)))" }
            target.error = "QEMU did not take " + names.joined(separator: ", ")
            status = .error("Applied, but QEMU did not take \(outcome.notTaken.count) of the changes")
        } else {
            savedDocument = wanted
            status = .info("Applied to \(target.name): every value reads back as sent")
        }
        live = target
    }

    /// QEMU could not be reached or answered nonsense: said in the error pane and the status
    /// row; the document keeps every edit.
    mutating func liveFailed(_ reason: String) {
        guard var target = live else { return }
        target.error = reason
        live = target
        status = .error("\(reason); your edits are kept")
    }
}
