namespace Swiotlb.Trace.TraceDat;

/// <summary>A trace.dat file that cannot be read at all: its header or metadata is missing or corrupt.</summary>
public sealed class TraceDatFormatException : Exception
{
    public TraceDatFormatException(string fileName, string section, long offset, string expected)
        : base($"{fileName}: {section} at byte {offset}: expected {expected}")
    {
        FileName = fileName;
        Section = section;
        Offset = offset;
        Expected = expected;
    }

    public string FileName { get; }

    /// <summary>The part of the file being read, e.g. <c>file header</c> or <c>options section</c>.</summary>
    public string Section { get; }

    /// <summary>The byte offset in the file where reading failed.</summary>
    public long Offset { get; }

    /// <summary>What the reader expected to find there.</summary>
    public string Expected { get; }
}
