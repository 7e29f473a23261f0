namespace Swiotlb.Trace.Diff.Findings.Rules;

/// <summary>One field of a finding's evidence, for machines: a count, an address or mask (written in hex), or a word.</summary>
public readonly record struct FindingField(string Name, ulong Number, bool IsAddress, string? Word)
{
    public static FindingField Count(string name, long value) => new(name, (ulong)value, false, null);

    public static FindingField Address(string name, ulong value) => new(name, value, true, null);

    public static FindingField Of(string name, string word) => new(name, 0, false, word);
}
