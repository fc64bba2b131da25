import YAML

/// Placeholder until the generator stages land.
enum Pipeline {}
