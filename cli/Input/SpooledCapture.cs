using Swiotlb.Trace.Capture;

namespace Swiotlb.Trace.Cli.Input;

/// <summary>
/// A capture from a pipe or a decompressor copied to a temporary file, for the formats that are read by offsets (trace.dat,
/// blktrace). The copy is bounded by half the free space of the temporary folder, never by what the data claims.
/// </summary>
public static class SpooledCapture
{
    /// <summary>Copies <paramref name="source"/> to a temporary file deleted when the returned stream closes.</summary>
    /// <exception cref="CaptureFormatException">The capture is larger than the temporary folder can take.</exception>
    public static FileStream ToTemporaryFile(Stream source, string name) => CopyInto(source, name,
        new FileStream(Path.Combine(Path.GetTempPath(), $"swiotrace-{Guid.NewGuid():N}.spool"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 1 << 16, FileOptions.DeleteOnClose));

    /// <summary>Copies <paramref name="source"/> to <paramref name="path"/>, which the caller deletes.</summary>
    public static void ToFile(Stream source, string name, string path)
    {
        using var file = CopyInto(source, name, new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite));
    }

    private static FileStream CopyInto(Stream source, string name, FileStream target)
    {
        try
        {
            var limit = new DriveInfo(Path.GetDirectoryName(target.Name)!).AvailableFreeSpace / 2;
            var buffer = new byte[1 << 16];
            int read;
            while ((read = source.Read(buffer)) > 0)
            {
                if (target.Length + read > limit)
                    CaptureFormatException.Throw(CapturePosition.AtOffset(name, target.Length),
                        $"a capture that fits half the free space of {Path.GetTempPath()} ({limit} bytes) once decompressed or copied from the pipe");
                target.Write(buffer, 0, read);
            }
            target.Position = 0;
            return target;
        }
        catch
        {
            target.Dispose();
            throw;
        }
    }
}
