using Swiotlb.Trace.Blktrace;
using Swiotlb.Trace.Capture;

namespace Swiotlb.Trace.Cli.Commands;

/// <summary>Turns the ways reading a capture can fail into one line on stderr and exit code 2 — never a stack trace.</summary>
public static class CommandFailure
{
    public static int Guard(TextWriter error, Func<int> work)
    {
        try
        {
            return work();
        }
        catch (CaptureFormatException problem)
        {
            return Report(error, problem.Message);
        }
        catch (ArgumentException usage)
        {
            return Report(error, usage.Message);
        }
        catch (BlktraceFormatException problem)
        {
            return Report(error, problem.Message);
        }
        catch (FileNotFoundException missing)
        {
            return Report(error, $"{missing.FileName}: no such file");
        }
        catch (DirectoryNotFoundException missing)
        {
            return Report(error, missing.Message);
        }
        catch (UnauthorizedAccessException denied)
        {
            return Report(error, denied.Message);
        }
        catch (IOException io)
        {
            return Report(error, io.Message);
        }
    }

    private static int Report(TextWriter error, string message)
    {
        error.WriteLine($"swiotrace: error: {message}");
        return (int)ExitCode.UsageOrInputError;
    }
}
