/// Which types a declaration tree uses, so a file imports what its declarations need.
extension Declaration {
    /// True when `type` appears in a property, parameter, return, associated or aliased type, here or in a member.
    public func mentions(_ type: SwiftType) -> Bool {
        switch self {
        case .type(let declaration):
            return declaration.members.contains { $0.mentions(type) }
        case .property(let property):
            return property.type.contains(type)
        case .enumCase(let enumCase):
            return enumCase.associatedType?.contains(type) ?? false
        case .function(let function):
            return function.parameters.contains { $0.type.contains(type) }
                || function.returnType?.contains(type) == true
        case .typeAlias(_, _, _, let aliased):
            return aliased.contains(type)
        }
    }
}
