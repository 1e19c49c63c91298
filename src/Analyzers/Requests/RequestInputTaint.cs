namespace Accrue.Portal.Analyzers.Requests
{
    using System;
    using System.Collections.Immutable;
    using System.Linq;
    using Accrue.Portal.Analyzers.Knowledge;
    using Microsoft.CodeAnalysis;
    using Microsoft.CodeAnalysis.Operations;

    /// <summary>
    /// PORTAL010's intra-method taint: does a value come from request input (bound parameters and bound-model members,
    /// <c>HttpRequest.Query/Form/Headers/Host</c>), through locals and string building, without an allow-list check?
    /// Only flows the engine can prove are followed; an app method between source and sink stops the trace.
    /// </summary>
    internal sealed class RequestInputTaint
    {
        private const int MaxDepth = 8;

        private readonly RequestInputSymbols symbols;
        private readonly LocalValues locals;
        private readonly ImmutableArray<string> validators;

        public RequestInputTaint(RequestInputSymbols symbols, LocalValues locals, ImmutableArray<string> validators)
        {
            this.symbols = symbols;
            this.locals = locals;
            this.validators = validators;
        }

        /// <summary>A description of the request input the value comes from ("HttpRequest.Query"), or null.</summary>
        public string? Trace(IOperation value, int depth = 0)
        {
            value = WalkDownConversions(value);
            if (depth > MaxDepth || value.ConstantValue.HasValue)
            {
                return null;
            }

            switch (value)
            {
                case IParameterReferenceOperation parameter:
                    return this.symbols.IsBound(parameter.Parameter, parameter) && !this.IsGuarded(parameter)
                        ? $"the request parameter '{parameter.Parameter.Name}'"
                        : null;
                case ILocalReferenceOperation local:
                    return this.IsGuarded(local) ? null : this.TraceLocal(local.Local, depth);
                case IPropertyReferenceOperation property:
                    return this.TraceMember(property, depth);
                case IInvocationOperation invocation:
                    return this.TraceCall(invocation, depth);
                case IObjectCreationOperation creation when this.symbols.IsUriType(creation.Type):
                    return creation.Arguments.Select(a => this.Trace(a.Value, depth + 1)).FirstOrDefault(t => t is not null);
                case IInterpolatedStringOperation interpolated when interpolated.Parts.All(p => p is IInterpolationOperation or IInterpolatedStringTextOperation):
                    return this.TraceParts(interpolated.Parts.Select(p => p is IInterpolationOperation i ? i.Expression : ((IInterpolatedStringTextOperation)p).Text).ToImmutableArray(), depth);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                    return this.TraceParts(ImmutableArray.Create(binary.LeftOperand, binary.RightOperand), depth);
                case IConditionalOperation { WhenFalse: not null } conditional:
                    return this.Trace(conditional.WhenTrue, depth + 1) ?? this.Trace(conditional.WhenFalse, depth + 1);
                case ICoalesceOperation coalesce:
                    return this.Trace(coalesce.Value, depth + 1) ?? this.Trace(coalesce.WhenNull, depth + 1);
                default:
                    return null;
            }
        }

        private string? TraceLocal(ILocalSymbol local, int depth)
        {
            foreach (var write in this.locals.WritesOf(local))
            {
                var source = write switch
                {
                    IArgumentOperation { Parent: IInvocationOperation { Instance: { } instance } } => this.Trace(instance, depth + 1),
                    IArgumentOperation or IDeconstructionAssignmentOperation or IIncrementOrDecrementOperation => null,
                    ICompoundAssignmentOperation compound => this.Trace(compound.Value, depth + 1),
                    ICoalesceAssignmentOperation coalesce => this.Trace(coalesce.Value, depth + 1),
                    _ => this.Trace(write, depth + 1),
                };
                if (source is not null)
                {
                    return source;
                }
            }

            return null;
        }

        private string? TraceMember(IPropertyReferenceOperation property, int depth)
        {
            if (this.IsGuarded(property))
            {
                return null;
            }

            if (this.symbols.IsRequestInputProperty(property.Property))
            {
                return "HttpRequest." + property.Property.Name;
            }

            if (property.Instance is IInstanceReferenceOperation && this.symbols.IsBoundProperty(property.Property))
            {
                return $"the bound property '{property.Property.Name}'";
            }

            if (property.Instance is null)
            {
                return null;
            }

            var source = this.Trace(property.Instance, depth + 1);
            var isReferer = string.Equals(property.Property.Name, "Referer", StringComparison.OrdinalIgnoreCase)
                            || (property.Property.IsIndexer && property.Arguments.Length == 1
                                && property.Arguments[0].Value.ConstantValue.Value is string header
                                && string.Equals(header, "Referer", StringComparison.OrdinalIgnoreCase));
            return source is not null && isReferer ? "the Referer header" : source;
        }

        private string? TraceCall(IInvocationOperation invocation, int depth)
        {
            var method = invocation.TargetMethod;
            if (this.IsValidator(method))
            {
                return null;
            }

            if (this.symbols.IsRequestInputCall(method))
            {
                return method.Name == "GetTypedHeaders" ? "HttpRequest.Headers" : "HttpRequest.Host";
            }

            if (!this.symbols.Propagates(method))
            {
                return null;
            }

            if (invocation.Instance is { } instance && this.Trace(instance, depth + 1) is { } fromInstance)
            {
                return fromInstance;
            }

            return invocation.Arguments.Select(a => this.Trace(a.Value, depth + 1)).FirstOrDefault(t => t is not null);
        }

        /// <summary>String building: harmless once the constant start fixes scheme and host (<c>https://app.example/?next={x}</c>).</summary>
        private string? TraceParts(ImmutableArray<IOperation> parts, int depth)
        {
            var prefix = string.Empty;
            foreach (var part in parts)
            {
                if (WalkDownConversions(part).ConstantValue is not { HasValue: true, Value: string text })
                {
                    break;
                }

                prefix += text;
            }

            return UrlText.Host(prefix, complete: false) is not null
                ? null
                : parts.Select(p => this.Trace(p, depth + 1)).FirstOrDefault(t => t is not null);
        }

        /// <summary>
        /// True when a validator dominates this read: an enclosing <c>if (Validator(x))</c> (or <c>Validator(x) ? .. : ..</c>,
        /// <c>Validator(x) &amp;&amp; ..</c>), or an earlier statement <c>if (!Validator(x)) return/throw/x = ..;</c> or
        /// <c>Validator(x);</c> (a throwing check).
        /// </summary>
        private bool IsGuarded(IOperation read)
        {
            var key = Key(read);
            if (key is null || this.validators.IsEmpty)
            {
                return false;
            }

            for (IOperation? child = read, node = read.Parent; node is not null; child = node, node = node.Parent)
            {
                switch (node)
                {
                    case IConditionalOperation conditional when (child == conditional.WhenTrue && this.Asserts(conditional.Condition, key, true))
                                                                 || (child == conditional.WhenFalse && this.Asserts(conditional.Condition, key, false)):
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } guardedAnd when child == guardedAnd.RightOperand && this.Asserts(guardedAnd.LeftOperand, key, true):
                        return true;
                    case IBlockOperation block:
                        foreach (var statement in block.Operations)
                        {
                            if (statement == child)
                            {
                                break;
                            }

                            if (this.GuardsFollowingStatements(statement, key))
                            {
                                return true;
                            }
                        }

                        break;
                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        return false;
                }
            }

            return false;
        }

        private bool GuardsFollowingStatements(IOperation statement, string key)
        {
            switch (statement)
            {
                case IConditionalOperation { WhenFalse: null } check when this.Asserts(check.Condition, key, false):
                    return AlwaysExits(check.WhenTrue) || Reassigns(check.WhenTrue, key);
                case IExpressionStatementOperation { Operation: IInvocationOperation call }:
                    return this.IsValidator(call.TargetMethod) && call.Arguments.Any(a => Key(a.Value) == key);
                default:
                    return false;
            }
        }

        /// <summary>Whether <paramref name="condition"/> being <paramref name="outcome"/> proves a validator accepted <paramref name="key"/>.</summary>
        private bool Asserts(IOperation condition, string key, bool outcome)
        {
            condition = WalkDownConversions(condition);
            return condition switch
            {
                IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } negation => this.Asserts(negation.Operand, key, !outcome),
                IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } conjunction when outcome =>
                    this.Asserts(conjunction.LeftOperand, key, true) || this.Asserts(conjunction.RightOperand, key, true),
                IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } disjunction when !outcome =>
                    this.Asserts(disjunction.LeftOperand, key, false) || this.Asserts(disjunction.RightOperand, key, false),
                IInvocationOperation call when outcome => this.IsValidator(call.TargetMethod) && call.Arguments.Any(a => Key(a.Value) == key),
                _ => false,
            };
        }

        private bool IsValidator(IMethodSymbol method)
        {
            var fullName = method.ContainingType.ToDisplayString() + "." + method.Name;
            return this.validators.Any(v => v.IndexOf('.') >= 0 ? v == fullName : v == method.Name);
        }

        private static bool AlwaysExits(IOperation operation) => operation switch
        {
            IReturnOperation => true,
            IExpressionStatementOperation { Operation: IThrowOperation } => true,
            IThrowOperation => true,
            IBlockOperation { Operations.Length: > 0 } block => AlwaysExits(block.Operations[block.Operations.Length - 1]),
            _ => false,
        };

        private static bool Reassigns(IOperation operation, string key) =>
            operation.DescendantsAndSelf().Any(o => o is ISimpleAssignmentOperation assignment && Key(assignment.Target) == key);

        /// <summary>A name for what a read reads, to match it with a validator's argument: a local, a parameter, a member chain.</summary>
        private static string? Key(IOperation operation)
        {
            operation = WalkDownConversions(operation);
            return operation switch
            {
                ILocalReferenceOperation local => "local " + local.Local.Name + "@" + (local.Local.Locations.FirstOrDefault()?.SourceSpan.Start ?? -1),
                IParameterReferenceOperation parameter => "parameter " + parameter.Parameter.Name + "@" + parameter.Parameter.ContainingSymbol.Name,
                IInstanceReferenceOperation => "this",
                IPropertyReferenceOperation { Property.IsIndexer: false, Instance: { } instance } property when Key(instance) is { } owner => owner + "." + property.Property.Name,
                IFieldReferenceOperation { Instance: { } instance } field when Key(instance) is { } owner => owner + "." + field.Field.Name,
                _ => null,
            };
        }

        private static IOperation WalkDownConversions(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }
    }
}
