namespace Swiotlb.Trace.Payloads;

/// <summary>
/// The <c>attrs=</c> of the <c>dma:*</c> events in the kernel's words (<c>NO_WARN|SKIP_CPU_SYNC</c>, empty for none), from the number
/// printers show when they cannot evaluate the event's <c>__print_flags</c> (perf and trace-cmd print <c>attrs=0x100</c>).
/// </summary>
internal static class DmaAttributeNames
{
    private static readonly (ulong Bit, string Name)[] Flags =
    [
        (1UL << 1, "WEAK_ORDERING"),
        (1UL << 2, "WRITE_COMBINE"),
        (1UL << 4, "NO_KERNEL_MAPPING"),
        (1UL << 5, "SKIP_CPU_SYNC"),
        (1UL << 6, "FORCE_CONTIGUOUS"),
        (1UL << 7, "ALLOC_SINGLE_PAGES"),
        (1UL << 8, "NO_WARN"),
        (1UL << 9, "PRIVILEGED"),
    ];

    /// <summary>As the kernel's <c>__print_flags(attrs, "|", …)</c> prints it: known flags in table order, then any other bits in hex.</summary>
    public static string Describe(ulong attributes)
    {
        var names = new List<string>();
        foreach (var (bit, name) in Flags)
        {
            if ((attributes & bit) == 0)
                continue;
            names.Add(name);
            attributes &= ~bit;
        }
        if (attributes != 0)
            names.Add($"0x{attributes:x}");
        return string.Join('|', names);
    }
}
