using System.Text;

namespace Swiotlb.Trace.Kernel;

/// <summary>How the kernel's <c>print fmt</c> shows a field in the text buffer (and so in perf script and trace-cmd report).</summary>
public enum PrintedShape
{
    /// <summary><c>key=%d</c>, <c>%u</c>, <c>%zu</c>.</summary>
    Decimal,
    /// <summary><c>key=%llx</c>: bare hexadecimal digits.</summary>
    Hex,
    /// <summary><c>__print_symbolic</c>: a name from the field's <see cref="EventField.Symbols"/>.</summary>
    Symbol,
    /// <summary><c>key=%s</c>.</summary>
    Text,
    /// <summary>A number in the kernel's words (<see cref="EventField.Words"/>): <c>__print_flags</c> names joined by <c>|</c>
    /// (empty for none), or a packed value such as <c>be,0,4</c>.</summary>
    Words,
    /// <summary><c>key=%d/%d</c>: <c>min(total, cap)/total</c>; the field is the total.</summary>
    ShownOfTotal,
    /// <summary>A bool printed as a marker when set (<c> [TRUNCATED]</c>), nothing otherwise.</summary>
    Marker,
    /// <summary><c>__print_array</c>: <c>{0x1,0x2}</c>.</summary>
    Array,
    /// <summary><c>__get_str</c> as the payload's first word, without a key.</summary>
    LeadingString,
    /// <summary>A byte array (<c>u8 cdw10[24]</c>): raw in a record, <c>ARRAY[00, 72, …]</c> in trace-cmd's rendering.</summary>
    Bytes,
}

/// <summary>
/// One field of a kernel event, written once for every reader: its name in the format file (what trace.dat records and
/// trace-cmd's field rendering use) and how the kernel's text shows it (<see cref="PrintedAs"/>, <see cref="Shape"/>).
/// </summary>
public sealed class EventField
{
    private static int s_count;
    private readonly bool _optional;

    /// <param name="name">The format file's field name.</param>
    /// <param name="shape">How the text shows it.</param>
    /// <param name="printedAs">The key (or marker) the text uses, when not the field name: <c>dma_unmap_phys</c>'s <c>addr</c> prints as <c>dma_addr=</c>.</param>
    /// <param name="olderName">The name an older kernel's format gave the same field.</param>
    /// <param name="elementBytes">An array's element size, for renderers that print arrays as raw bytes (<c>ARRAY[00, 72, …]</c>).</param>
    /// <param name="optional">Older formats may lack the field (the decoder asks <see cref="IEventFields.TryUnsigned"/>).</param>
    public EventField(string name, PrintedShape shape, string? printedAs = null, string? olderName = null, int elementBytes = 8,
        IReadOnlyList<string>? symbols = null, FieldWords? words = null, bool optional = false)
    {
        Index = Interlocked.Increment(ref s_count) - 1;
        Name = name;
        Shape = shape;
        PrintedAs = printedAs ?? name;
        OlderName = olderName;
        ElementBytes = elementBytes;
        Symbols = symbols;
        Words = words;
        _optional = optional;
        NameUtf8 = Encoding.UTF8.GetBytes(name);
        PrintedUtf8 = Encoding.UTF8.GetBytes(PrintedAs);
        OlderNameUtf8 = olderName is null ? [] : Encoding.UTF8.GetBytes(olderName);
        SymbolsUtf8 = symbols is null ? [] : [.. symbols.Select(Encoding.UTF8.GetBytes)];
    }

    /// <summary>Unique among all fields: readers that bind fields once keep them in an array by this index.</summary>
    public int Index { get; }
    public string Name { get; }
    public PrintedShape Shape { get; }
    public string PrintedAs { get; }
    public string? OlderName { get; }
    public int ElementBytes { get; }

    /// <summary>The names a <see cref="PrintedShape.Symbol"/> field prints, by value.</summary>
    public IReadOnlyList<string>? Symbols { get; }

    /// <summary>The words a <see cref="PrintedShape.Words"/> field prints.</summary>
    public FieldWords? Words { get; }

    /// <summary>True when older formats may lack the field (a bool then reads false).</summary>
    public bool IsOptional => _optional || Shape == PrintedShape.Marker;

    internal byte[] NameUtf8 { get; }
    internal byte[] PrintedUtf8 { get; }
    internal byte[] OlderNameUtf8 { get; }
    internal byte[][] SymbolsUtf8 { get; }

    public override string ToString() => Name;
}
