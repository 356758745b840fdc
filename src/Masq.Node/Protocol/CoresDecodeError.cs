namespace Masq.Node.Protocol;

/// <summary>Why untrusted protocol bytes were rejected.</summary>
internal enum CoresDecodeError
{
    /// <summary>Not well-formed CBOR (truncated, bad header, invalid UTF-8, duplicate map key…).</summary>
    Malformed,

    /// <summary>Well-formed CBOR, but an item of the wrong type for the field.</summary>
    WrongType,

    MissingField,
    UnknownField,
    DuplicateField,

    /// <summary>A value of the right type that is out of range or of the wrong length.</summary>
    InvalidValue,

    /// <summary>Bytes left after the top-level item.</summary>
    TrailingBytes,

    /// <summary>The input, a string or a list exceeds <see cref="CoresLimits"/>.</summary>
    TooLarge,

    /// <summary>Nesting deeper than <see cref="CoresLimits.MaxNestingDepth"/>.</summary>
    TooDeep,

    UnsupportedVersion,
    UnknownVariant,

    /// <summary>The sealed bytes were not sealed for this Node's key, or were altered.</summary>
    DecryptionFailed,
}
