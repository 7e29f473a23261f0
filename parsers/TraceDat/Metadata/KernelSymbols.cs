using System.Globalization;
using System.Text;

namespace Swiotlb.Trace.TraceDat.Metadata;

/// <summary>The file's copy of <c>/proc/kallsyms</c>: resolves a kernel address to the function containing it.</summary>
/// <remarks>The table is built on the first lookup, so files without kprobes never pay for it.</remarks>
internal sealed class KernelSymbols(byte[] kallsymsText)
{
    private (ulong[] Addresses, string[] Names)? _table;

    public static KernelSymbols Empty { get; } = new([]);

    /// <summary>The name of the symbol at or before <paramref name="address"/>, or null when there is none.</summary>
    public string? FunctionAt(ulong address)
    {
        var (addresses, names) = _table ??= Build(kallsymsText);
        var index = Array.BinarySearch(addresses, address);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return index >= 0 ? names[index] : null;
    }

    /// <summary>Parses lines <c>ADDRESS TYPE NAME [module]</c>, keeping text symbols (type t/T).</summary>
    private static (ulong[], string[]) Build(byte[] text)
    {
        var symbols = new List<(ulong Address, string Name)>();
        foreach (var line in Encoding.UTF8.GetString(text).Split('\n'))
        {
            var parts = line.Split(' ', 4, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 3 && parts[1] is "t" or "T"
                && ulong.TryParse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var address) && address != 0)
            {
                symbols.Add((address, parts[2].Split('\t')[0]));
            }
        }

        symbols.Sort((a, b) => a.Address.CompareTo(b.Address));
        return (symbols.Select(s => s.Address).ToArray(), symbols.Select(s => s.Name).ToArray());
    }
}
