using Swiotlb.Trace.Cli;

return SwiotraceCommandLine.Run(args, Console.Out, Console.Error);
