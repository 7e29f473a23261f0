using Swiotlb.Trace.Blktrace;
using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Perf;
using Swiotlb.Trace.Text;
using Swiotlb.Trace.TraceDat;

namespace Swiotlb.Trace.Cli.Input;

/// <summary>
/// Opens a capture with the reader its content calls for. Nothing is assumed seekable: the format (and a gzip, zstd or xz
/// wrapping) is told from a buffered head, text is streamed as it comes, and the formats read by offsets (trace.dat,
/// blktrace) are copied to a temporary file first when they come from a pipe or a decompressor.
/// </summary>
public static class CaptureOpener
{
    /// <param name="path">See <see cref="CapturePath"/>: <c>-</c>, a file, a capture directory, or a blktrace trace NAME.</param>
    public static ICaptureReader Open(string path, TextWriter progress) => Open(path, SiblingKernelFacts.Read(path), progress);

    /// <param name="path">See <see cref="CapturePath"/>: <c>-</c>, a file, a capture directory, or a blktrace trace NAME.</param>
    /// <param name="facts">The capture's <see cref="SiblingKernelFacts"/>, for a caller that has read them already.</param>
    public static ICaptureReader Open(string path, KernelFacts facts, TextWriter progress)
    {
        var resolved = CapturePath.Resolve(path);
        var reader = OpenReader(resolved, CapturePath.DisplayName(resolved), progress);
        AddKernelReleaseFromUname(reader.Metadata, facts);
        return reader;
    }

    /// <summary>A copy of a capture that came from a pipe (see <see cref="ReopenableCapture"/>), named as the pipe was.</summary>
    internal static ICaptureReader OpenCopy(string copyPath, string name, KernelFacts facts, TextWriter progress)
    {
        var reader = OpenReader(copyPath, name, progress);
        AddKernelReleaseFromUname(reader.Metadata, facts);
        return reader;
    }

    /// <param name="name">What messages call the capture: its path, or the pipe a copy came from.</param>
    private static ICaptureReader OpenReader(string path, string name, TextWriter progress)
    {
        if (path != CapturePath.StandardInput && !File.Exists(path))
            return new BlktraceCaptureReader(path, BlktraceCpuFiles.Read(path));

        Stream stream = path == CapturePath.StandardInput
            ? Console.OpenStandardInput()
            : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            var (head, headLength) = PrefixedStream.ReadHead(stream, CaptureFormatDetector.HeadLength);
            stream = Rewound(stream, head, headLength);
            if (InputCompression.Detect(head.AsSpan(0, headLength)) is { } compression)
            {
                stream = InputCompression.Decompress(compression, stream, name);
                (head, headLength) = PrefixedStream.ReadHead(stream, CaptureFormatDetector.HeadLength);
                stream = new PrefixedStream(head, headLength, stream);
            }

            var format = CaptureFormatDetector.Detect(head.AsSpan(0, headLength), name);
            return format switch
            {
                CaptureFormat.Blktrace => OpenBlktrace(path, name, stream),
                CaptureFormat.FtraceText or CaptureFormat.TraceCmdReport or CaptureFormat.ConsoleDump =>
                    new FtraceTextReader(ProgressStream.WrapIfInteractive(stream, name, progress), name, format),
                CaptureFormat.TraceDat => TraceDatCaptureReader.Open(Seekable(stream, name, progress), name),
                CaptureFormat.PerfScript => new PerfScriptReader(ProgressStream.WrapIfInteractive(stream, name, progress), name),
                _ => CaptureFormatException.Throw<ICaptureReader>(CapturePosition.AtOffset(name, 0),
                    $"recognised as {format.Describe()}, which this build of swiotrace cannot read yet"),
            };
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The stream from its first byte again: seeking back when it can, else giving back the head it read.</summary>
    private static Stream Rewound(Stream stream, byte[] head, int headLength)
    {
        if (!stream.CanSeek)
            return new PrefixedStream(head, headLength, stream);
        stream.Position = 0;
        return stream;
    }

    private static Stream Seekable(Stream stream, string name, TextWriter progress) =>
        stream.CanSeek ? ProgressStream.WrapIfInteractive(stream, name, progress) : SpooledCapture.ToTemporaryFile(stream, name);

    /// <summary>A blktrace file read in place with its sibling CPU files; from a pipe, its copy or a decompressor, as the one CPU
    /// file it is.</summary>
    private static ICaptureReader OpenBlktrace(string path, string name, Stream stream)
    {
        if (stream is FileStream { CanSeek: true } && name == path)
        {
            stream.Dispose();
            return new BlktraceCaptureReader(path, BlktraceCpuFiles.Read(path));
        }
        var folder = Directory.CreateTempSubdirectory("swiotrace-blktrace-").FullName;
        try
        {
            var single = Path.Combine(folder, BlktraceFileName(name));
            using (stream)
                SpooledCapture.ToFile(stream, name, single);
            return new TemporaryFolderReader(new BlktraceCaptureReader(single, BlktraceCpuFiles.Read(single)), folder);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary><c>NAME.blktrace.N</c> of a compressed <c>NAME.blktrace.N.gz</c>, else a name that says where the data came from.</summary>
    private static string BlktraceFileName(string name)
    {
        var file = Path.GetFileNameWithoutExtension(name);
        return file.Contains(".blktrace.", StringComparison.Ordinal) ? file : $"{CapturePath.StandardInputName}.blktrace.0";
    }

    /// <summary>The captures swiotrace's users make keep <c>uname -a</c> in <c>uname.txt</c> beside the trace: use it when the trace does not say.</summary>
    private static void AddKernelReleaseFromUname(CaptureMetadata metadata, KernelFacts facts)
    {
        if (metadata.KernelRelease is not null || facts.Release is not { } release)
            return;
        metadata.KernelRelease = release;
        metadata.KernelReleaseSource = "uname.txt / dmesg.txt beside the capture";
    }
}
