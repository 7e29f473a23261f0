using Swiotlb.Trace.Blktrace;
using Swiotlb.Trace.Capture;
using Swiotlb.Trace.Perf;
using Swiotlb.Trace.Text;
using Swiotlb.Trace.TraceDat;

namespace Swiotlb.Trace.Cli.Input;

/// <summary>Opens a capture with the reader its content calls for.</summary>
public static class CaptureOpener
{
    /// <param name="path">A capture file, or a blktrace trace NAME whose per-CPU files are <c>NAME.blktrace.N</c>.</param>
    public static ICaptureReader Open(string path, TextWriter progress) => Open(path, SiblingKernelFacts.Read(path), progress);

    /// <param name="path">A capture file, or a blktrace trace NAME whose per-CPU files are <c>NAME.blktrace.N</c>.</param>
    /// <param name="facts">The capture's <see cref="SiblingKernelFacts"/>, for a caller that has read them already.</param>
    public static ICaptureReader Open(string path, KernelFacts facts, TextWriter progress)
    {
        var reader = OpenReader(path, progress);
        AddKernelReleaseFromUname(reader.Metadata, facts);
        return reader;
    }

    private static ICaptureReader OpenReader(string path, TextWriter progress)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
            return new BlktraceCaptureReader(path);

        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            var format = CaptureFormatDetector.Detect(ReadHead(file), path);
            if (format == CaptureFormat.Blktrace)
            {
                file.Dispose();
                return new BlktraceCaptureReader(path);
            }
            file.Position = 0;
            var stream = ProgressStream.WrapIfInteractive(file, path, progress);
            return format switch
            {
                CaptureFormat.FtraceText or CaptureFormat.TraceCmdReport or CaptureFormat.ConsoleDump => new FtraceTextReader(stream, path, format),
                CaptureFormat.TraceDat => TraceDatCaptureReader.Open(stream, path),
                CaptureFormat.PerfScript => new PerfScriptReader(stream, path),
                _ => throw new CaptureFormatException(CapturePosition.AtOffset(path, 0),
                    $"recognised as {format.Describe()}, which this build of swiotrace cannot read yet"),
            };
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static byte[] ReadHead(FileStream file)
    {
        var head = new byte[(int)Math.Min(CaptureFormatDetector.HeadLength, file.Length)];
        file.ReadExactly(head);
        return head;
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
