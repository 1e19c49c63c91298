namespace Accrue.Portal.Analyzers.Rules
{
    /// <summary>
    /// PORTAL003: a return URL (session, after-completion redirect, configuration default) that is provably not an
    /// absolute https:// URL: a relative path, http://, an unlisted custom scheme or host, or an ASP.NET Core API that
    /// returns a path.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ReturnUrlNotAbsoluteHttpsAnalyzer() : PortalAnalyzer(PortalDiagnostics.ReturnUrlNotAbsoluteHttps)
    {
        /// <summary>Diagnostic property: which <see cref="ReturnUrlFix"/> applies; the fix edits the first additional location.</summary>
        internal const string FixProperty = "Fix";

        private protected override void AnalyzeCompilation(CompilationStartAnalysisContext start, PortalCompilation portal)
        {
            var symbols = portal.Requests;
            var fields = symbols is null ? null : OptionFieldWrites.ReturnUrls(start.Compilation, symbols);
            if (fields is null)
            {
                return;
            }

            var classifier = new ReturnUrlClassifier(start.Compilation);
            var isRelease = PortalOptions.IsReleaseBuild(start.Options, start.Compilation);
            OperationBlockGate.Register(start, fields.IsWrite, c => Analyze(c, fields, classifier, isRelease), OperationKind.SimpleAssignment, OperationKind.Invocation);
        }

        private static void Analyze(OperationBlockAnalysisContext context, OptionFieldWrites fields, ReturnUrlClassifier classifier, bool isRelease)
        {
            LocalValues? locals = null;
            foreach (var block in context.OperationBlocks)
            {
                foreach (var operation in block.DescendantsAndSelf())
                {
                    if (fields.TryMatch(operation, out var value, out var path))
                    {
                        locals ??= LocalValues.Build(context.OperationBlocks);
                        Check(context, value, path, classifier.Classify(value, locals), isRelease);
                    }
                }
            }
        }

        private static void Check(OperationBlockAnalysisContext context, IOperation value, string path, ReturnUrlShape shape, bool isRelease)
        {
            var tree = value.Syntax.SyntaxTree;
            var needsHttps = $"{path} needs an absolute https:// URL";
            switch (shape.Kind)
            {
                case ReturnUrlShapeKind.PathProducer:
                    Report($"{shape.Description}; {needsHttps}", shape.Fix);
                    return;
                case ReturnUrlShapeKind.Text:
                    break;
                default:
                    return;
            }

            var shown = shape.IsComplete ? shape.Text : shape.Text + "...";
            var url = ReturnUrlText.Parse(shape.Text, shape.IsComplete);
            var verdict = ReturnUrlRules.Check(url, PolicyFor(context.Options, tree, url.Scheme, isRelease));
            var problem = verdict switch
            {
                ReturnUrlVerdict.Relative => $"Return URL '{shown}' is a relative path; {needsHttps}",
                ReturnUrlVerdict.Malformed => $"Return URL '{shown}' has no valid host or port after '{url.Scheme}://'; {needsHttps}",
                ReturnUrlVerdict.UserInfo => $"Return URL '{shown}' carries user credentials before the host; {needsHttps} without them",
                ReturnUrlVerdict.Http => $"Return URL '{shown}' uses http; {needsHttps}",
                ReturnUrlVerdict.UnlistedScheme => $"Return URL '{shown}' uses the scheme '{url.Scheme}', which {PortalOptions.AllowedReturnUrlSchemes} does not list; {needsHttps}",
                ReturnUrlVerdict.UnlistedHost => $"Return URL host '{url.Host}' is not listed in {PortalOptions.AllowedReturnHosts}",
                _ => null,
            };
            if (problem is not null)
            {
                Report(problem, verdict == ReturnUrlVerdict.Http ? ReturnUrlFix.HttpToHttps : ReturnUrlFix.None);
            }

            void Report(string message, ReturnUrlFix fix)
            {
                var fixable = fix != ReturnUrlFix.None && shape.FixTarget is not null;
                context.ReportOutsideGeneratedCode(Diagnostic.Create(
                    PortalDiagnostics.ReturnUrlNotAbsoluteHttps,
                    value.Syntax.GetLocation(),
                    fixable ? new[] { shape.FixTarget!.GetLocation() } : null,
                    fixable ? ImmutableDictionary<string, string?>.Empty.Add(FixProperty, fix.ToString()) : null,
                    message));
            }
        }

        /// <summary>The options the scheme makes relevant, read only then: hosts for https, schemes for the others.</summary>
        private static ReturnUrlPolicy PolicyFor(AnalyzerOptions options, SyntaxTree tree, string? scheme, bool isRelease)
        {
            var none = ImmutableArray<string>.Empty;
            var custom = scheme is not null && scheme != ReturnUrlRules.Https && scheme != ReturnUrlRules.Http;
            return new ReturnUrlPolicy(
                scheme == ReturnUrlRules.Https ? PortalOptions.GetList(options, tree, PortalOptions.AllowedReturnHosts) : none,
                custom ? PortalOptions.GetList(options, tree, PortalOptions.AllowedReturnUrlSchemes) : none,
                scheme == ReturnUrlRules.Http && !isRelease && PortalOptions.GetBool(options, tree, PortalOptions.AllowHttpLocalhost));
        }
    }
}
