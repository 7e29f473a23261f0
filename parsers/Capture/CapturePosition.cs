namespace Swiotlb.Trace.Capture;

/// <summary>A place in a capture file: a line for text formats, a byte offset for binary ones (or both).</summary>
/// <param name="Line">1-based line number, 0 when not a text position.</param>
/// <param name="ByteOffset">Offset of the line or record start, -1 when unknown.</param>
public readonly record struct CapturePosition(string File, long Line, long ByteOffset)
{
    public static CapturePosition AtLine(string file, long line, long byteOffset) => new(file, line, byteOffset);

    public static CapturePosition AtOffset(string file, long byteOffset) => new(file, 0, byteOffset);

    /// <summary>The file as a whole: for what its metadata says rather than something at one place.</summary>
    public static CapturePosition WholeFile(string file) => new(file, 0, -1);

    public override string ToString() => Line > 0 ? $"{File}:{Line}" : ByteOffset >= 0 ? $"{File}@{ByteOffset}" : File;
}
