/// Hands out the faults of a plan, counting down each rule's calls.
actor FaultInjector {
    private var rules: [FaultPlan.Rule]

    init(_ plan: FaultPlan) {
        rules = plan.rules
    }

    /// Replaces the plan (and resets its counters).
    func set(_ plan: FaultPlan) {
        rules = plan.rules
    }

    /// The fault for this call of `operation`, if any, consuming one of its calls.
    func next(for operation: String) -> FaultPlan.Kind? {
        guard
            let index = rules.firstIndex(where: { ($0.operation == operation || $0.operation == "*") && $0.count > 0 })
        else { return nil }
        rules[index].count -= 1
        return rules[index].kind
    }
}
