/// Why a model file could not be written or read; messages in Lua's style.
public enum ModelFileError: Error, Equatable, CustomStringConvertible {
    /// The file could not be opened, read or written.
    case io(path: String, reason: String)
    /// The file is not JSON, or not a FlashCast network file.
    case notAModel(path: String)
    /// The file has a format version this build does not read.
    case unsupportedVersion(path: String, version: Int)
    /// The file is a network file but its content is inconsistent.
    case corrupted(path: String, reason: String)

    /// The message shown to users.
    public var description: String {
        switch self {
        case .io(let path, let reason):
            return "\(path): \(reason)"
        case .notAModel(let path):
            return "\(path): not a FlashCast network file"
        case .unsupportedVersion(let path, let version):
            return "\(path): unsupported format version \(version) (this build reads version \(ModelFile.currentVersion))"
        case .corrupted(let path, let reason):
            return "\(path): corrupted network file: \(reason)"
        }
    }
}
