namespace Swiotlb.Trace.TraceDat.Formats;

/// <summary>Where a field's data lives: in place, or behind a 32-bit (length &lt;&lt; 16 | offset) locator.</summary>
internal enum FieldLocation
{
    /// <summary>The field's bytes are at its offset (scalars and fixed arrays).</summary>
    Inline,

    /// <summary><c>__data_loc</c>: the offset counts from the start of the record.</summary>
    DataLoc,

    /// <summary><c>__rel_loc</c>: the offset counts from the end of the locator field.</summary>
    RelLoc,
}

/// <summary>One field of an event format file.</summary>
/// <param name="TypeName">The C type without the name, e.g. <c>unsigned int</c>, <c>char[]</c>, <c>u8[24]</c>.</param>
/// <param name="ArrayLength">Elements of a fixed array, 0 for scalars and dynamic arrays.</param>
internal sealed record FieldFormat(
    string Name,
    string TypeName,
    int Offset,
    int Size,
    bool IsSigned,
    FieldLocation Location,
    int ArrayLength)
{
    public bool IsArray => ArrayLength > 0 || Location != FieldLocation.Inline;

    /// <summary>A <c>char</c> array, printed as a string.</summary>
    public bool IsString => IsArray && TypeName.StartsWith("char", StringComparison.Ordinal);

    /// <summary>The size of one element of an array; the field's size for a scalar.</summary>
    public int ElementSize => ArrayLength > 0 ? Size / ArrayLength : Location != FieldLocation.Inline ? ScalarSizeOf(TypeName) : Size;

    private static int ScalarSizeOf(string typeName)
    {
        var element = typeName.Replace("[]", "", StringComparison.Ordinal).Trim();
        return element switch
        {
            "char" or "u8" or "s8" or "unsigned char" or "signed char" or "bool" => 1,
            "u16" or "s16" or "short" or "unsigned short" => 2,
            "u32" or "s32" or "int" or "unsigned int" or "unsigned" => 4,
            _ => 8,
        };
    }
}
