using System.Buffers.Text;

namespace Swiotlb.Trace.Kernel;

/// <summary>
/// A number the kernel prints in words through a table (<c>__print_flags</c>, <c>__print_symbolic</c>): the words for a
/// record's number, and for what a printer showed when it could not evaluate the table and printed the number instead
/// (perf's libtraceevent: <c>attrs=0x100</c>, <c>0x2,0,4</c>).
/// </summary>
public abstract class FieldWords
{
    /// <summary>The kernel's words for <paramref name="value"/>.</summary>
    public abstract string Describe(ulong value);

    /// <summary>Writes the kernel's words for <paramref name="printed"/> into <paramref name="words"/> when the printer showed a
    /// number; false when it is in words already (it stands as printed).</summary>
    public abstract bool TryReword(ReadOnlySpan<byte> printed, Span<byte> words, out int length);

    /// <summary>Parses <c>0x…</c>, the way printers show a number they could not turn into words.</summary>
    protected static bool TryParsePrintedNumber(ReadOnlySpan<byte> printed, out ulong value)
    {
        value = 0;
        return printed.Length > 2 && printed.StartsWith("0x"u8)
            && Utf8Parser.TryParse(printed[2..], out value, out var used, 'x') && used == printed.Length - 2;
    }
}
