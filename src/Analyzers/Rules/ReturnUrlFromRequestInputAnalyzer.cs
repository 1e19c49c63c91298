namespace Accrue.Portal.Analyzers.Rules
{
    using System.Collections.Immutable;
    using Accrue.Portal.Analyzers.Knowledge;
    using Accrue.Portal.Analyzers.Requests;
    using Microsoft.CodeAnalysis;
    using Microsoft.CodeAnalysis.Diagnostics;
    using Microsoft.CodeAnalysis.Operations;

    /// <summary>PORTAL010: a return URL taken from request input without an allow-list check (an open redirect from the portal).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ReturnUrlFromRequestInputAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(PortalDiagnostics.ReturnUrlFromRequestInput);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var symbols = PortalRequestSymbols.Resolve(start.Compilation);
                var fields = symbols is null ? null : ReturnUrlFields.Resolve(start.Compilation, symbols);
                var inputs = RequestInputSymbols.Resolve(start.Compilation);
                if (fields is not null && inputs is not null)
                {
                    start.RegisterOperationBlockAction(c => Analyze(c, fields, inputs));
                }
            });
        }

        private static void Analyze(OperationBlockAnalysisContext context, ReturnUrlFields fields, RequestInputSymbols inputs)
        {
            RequestInputTaint? taint = null;
            foreach (var block in context.OperationBlocks)
            {
                foreach (var operation in block.DescendantsAndSelf())
                {
                    if (!fields.TryMatch(operation, out var value, out var path))
                    {
                        continue;
                    }

                    taint ??= new RequestInputTaint(
                        inputs,
                        LocalValues.Build(context.OperationBlocks),
                        PortalOptions.GetList(context.Options, value.Syntax.SyntaxTree, PortalOptions.ReturnUrlValidators).AddRange(AspNetNames.BuiltInReturnUrlValidators));
                    if (taint.Trace(value) is { } source)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(PortalDiagnostics.ReturnUrlFromRequestInput, value.Syntax.GetLocation(), path, source));
                    }
                }
            }
        }
    }
}
