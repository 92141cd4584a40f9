import Testing
@testable import MigrationCore

@Suite struct RehearsalStatisticsTests {
    /// QEMU 7.2 reports a postcopy migration's downtime counted from the host's boot (seen here:
    /// 6 110 055 ms for a 55 ms migration): it is shown as unknown, with what QEMU said.
    @Test func aDowntimeLongerThanTheMigrationIsNoFigure() throws {
        let reply = try JSON(parsing: #"{"status": "completed", "total-time": 55, "downtime": 6110055, "ram": {"transferred": 918189}}"#)
        let statistics = RehearsalStatistics(queryMigrate: reply)
        #expect(statistics.downtime == nil)
        #expect(statistics.implausibleDowntime == 6_110_055)
        let downtime = statistics.figures.filter { $0.label == "downtime" }.map(\.text)
        #expect(downtime == ["unknown: QEMU reported 6 110 055 ms, longer than the whole migration"])
    }

    @Test func aPlausibleDowntimeIsAFigure() throws {
        let reply = try JSON(parsing: #"{"status": "completed", "total-time": 36, "downtime": 3}"#)
        let statistics = RehearsalStatistics(queryMigrate: reply)
        #expect(statistics.downtime == 3 && statistics.implausibleDowntime == nil)
        #expect(statistics.figures.filter { $0.label == "downtime" }.map(\.text) == ["3 ms"])
    }
}
