using System.Text;

namespace Swiotlb.Trace.Kernel;

/// <summary>
/// A <c>__print_flags</c> table: turns a flags number into the kernel's words (<c>NO_WARN|SKIP_CPU_SYNC</c>, empty for none),
/// for records (trace.dat) and for printers that show the number when they cannot evaluate the table (<c>attrs=0x100</c>).
/// </summary>
public sealed class FlagNames((ulong Bit, string Name)[] flags) : FieldWords
{
    /// <summary>The <c>attrs</c> of the <c>dma:*</c> events (bits every kernel from 6.12 to 7.3 names alike).</summary>
    public static FlagNames DmaAttributes { get; } = new(
    [
        (1UL << 1, "WEAK_ORDERING"),
        (1UL << 2, "WRITE_COMBINE"),
        (1UL << 4, "NO_KERNEL_MAPPING"),
        (1UL << 5, "SKIP_CPU_SYNC"),
        (1UL << 6, "FORCE_CONTIGUOUS"),
        (1UL << 7, "ALLOC_SINGLE_PAGES"),
        (1UL << 8, "NO_WARN"),
        (1UL << 9, "PRIVILEGED"),
    ]);

    /// <summary>As the kernel prints it: known flags in table order, then any other bits in hex.</summary>
    public override string Describe(ulong bits)
    {
        var names = new List<string>();
        foreach (var (bit, name) in flags)
        {
            if ((bits & bit) == 0)
                continue;
            names.Add(name);
            bits &= ~bit;
        }
        if (bits != 0)
            names.Add($"0x{bits:x}");
        return string.Join('|', names);
    }

    public override bool TryReword(ReadOnlySpan<byte> printed, Span<byte> words, out int length)
    {
        length = 0;
        return TryParsePrintedNumber(printed, out var bits) && Encoding.UTF8.TryGetBytes(Describe(bits), words, out length);
    }
}
