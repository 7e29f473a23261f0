using Swiotlb.Trace.Cli;
using Swiotlb.Trace.Cli.Output;

return SwiotraceCommandLine.Run(args, Console.Out, new BestEffortWriter(Console.Error));
