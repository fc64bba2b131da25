@_exported import SoraRuntime
