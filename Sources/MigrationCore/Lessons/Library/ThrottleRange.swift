extension Lesson {
    /// Parameter ranges: one bound that depends on another parameter.
    static let throttleRange = Lesson(
        id: "throttle-range", title: "auto-converge's throttle range",
        task: "auto-converge slows the vCPUs down by cpu-throttle-initial percent, then by "
            + "cpu-throttle-increment more each round, up to max-cpu-throttle. This QEMU 7.2 profile "
            + "starts at 30 % but caps at 20 % and never climbs. Keep the 30 % start and make every "
            + "value one QEMU accepts.",
        start: LessonLibrary.start(.v7_2, [
            .set(.autoConverge, .on), .set(.cpuThrottleInitial, .number(30)), .set(.maxCpuThrottle, .number(20)),
            .set(.cpuThrottleIncrement, .number(0)),
        ]),
        goal: LessonGoal([.value(.autoConverge, .on), .value(.cpuThrottleInitial, .number(30)), .accepted]),
        solution: [.set(.maxCpuThrottle, .number(99)), .set(.cpuThrottleIncrement, .number(10))])
}
