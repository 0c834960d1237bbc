"""PHP regions and complexity on hand-checked examples (counts worked out in the comments)."""

from tests.languages.helpers import measure

CODE = r"""
<?php
namespace App\Billing;

use App\Base;

interface Priced
{
    public function price(int $qty): float;
}

trait Discounts
{
    public function discount($total, $rate = 0.1)
    {
        return $total > 100 ? $total * $rate : 0;  // cc +1; cog +1
    }
}

enum Tier: string
{
    case Gold = 'gold';
    case Basic = 'basic';

    public function factor(): float
    {
        return match ($this) {  // cog +1 (a switch)
            Tier::Gold => 0.8,  // cc +1 (an arm, like a case)
            default => 1.0,  // default arm: nothing
        };
    }
}

final class Invoice extends Base implements Priced
{
    use Discounts;

    public function __construct(private array $items, ?string $note = null, ...$tags)
    {
    }

    public function price(int $qty): float
    {
        $sum = 0;
        foreach ($this->items as $item) {  // cc +1; cog +1; depth 1
            if ($item->free && $item->promo || $qty > 10) {  // cc +3; cog +2 (level 1), && +1, || +1; depth 2
                continue;
            } elseif ($item->price === null) {  // cc +1; cog +1 flat
                throw new \RuntimeException('no price');
            } else if ($item->bundle) {  // cc +1; cog +1 flat (the `if` of else-if, no nesting)
                for ($i = 0; $i < $qty; $i++) {  // cc +1; cog +3 (level 2); depth 3
                    if ($i > 5) { break 2; }  // cc +1; cog +4 (level 3), `break 2` +1; depth 4
                }
            } else {  // cog +1 flat
                $sum += $item->price;
            }
        }
        try {
            $sum = $this->round($sum) ?? $sum;  // `??`: nothing
        } catch (\TypeError | \ValueError $e) {  // cc +1; cog +1
            $sum = 0;
        }
        return $sum;
    }

    public static function totals(array $invoices): array
    {
        return array_map(
            fn($i) => $i->ok ? $i->price(1) : 0,  // cc +1; cog +2 (level 1 in the arrow fn)
            array_filter($invoices, function ($i) use ($invoices) {
                return $i !== null && $i->open && !$i->void;  // cc +2; cog +1 (one sequence)
            })
        );
    }
}

function format_amount($amount, $currency = 'EUR')
{
    switch ($currency) {  // cog +1; depth 1
        case 'EUR':  // cc +1
        case 'USD':  // cc +1
            return sprintf('%.2f', $amount);
        default:
            return $amount ?: '0';  // cc +1; cog +2 (level 1); depth 2
    }
}
"""


def test_regions_have_qualified_names_kinds_and_spans():
    facts, regions = measure("php", CODE)
    assert {name: (r.kind, r.start_line, r.end_line) for name, r in regions.items()} == {
        "Priced": ("class", 6, 9),  # its bodiless `price` signature is not a region
        "Discounts": ("class", 11, 17),
        "Discounts.discount": ("method", 13, 16),
        "Tier": ("class", 19, 31),
        "Tier.factor": ("method", 24, 30),
        "Invoice": ("class", 33, 74),  # the namespace is not part of the name
        "Invoice.__construct": ("method", 37, 39),
        "Invoice.price": ("method", 41, 63),
        "Invoice.totals": ("method", 65, 73),  # the closures in it are not regions
        "format_amount": ("function", 76, 85),
    }
    assert facts.error is None


def test_complexity_matches_hand_count():
    _, regions = measure("php", CODE)
    price = regions["Invoice.price"].metrics
    # 1 + foreach, if, &&, ||, elseif, else-if's if, for, if, catch
    assert price.cyclomatic == 10
    # 1 (foreach) + 2 (if) + 1 (&&) + 1 (||) + 1 (elseif) + 1 (else if) + 3 (for) + 4 (if)
    # + 1 (break 2) + 1 (else) + 1 (catch)
    assert price.cognitive == 17
    assert price.nesting == 4  # foreach > if > for > if: the else-if does not nest deeper
    assert price.params == 1

    def numbers(name):
        m = regions[name].metrics
        return (m.cyclomatic, m.cognitive, m.nesting, m.params)

    assert numbers("Discounts.discount") == (2, 1, 1, 2)
    assert numbers("Tier.factor") == (2, 1, 1, 0)
    assert numbers("Invoice.__construct") == (1, 0, 0, 3)  # promoted, nullable with default, variadic
    assert numbers("Invoice.totals") == (4, 3, 1, 1)  # the closures' parameters are not counted
    assert numbers("format_amount") == (4, 3, 2, 2)


def test_classes_and_file_sum_their_methods():
    facts, regions = measure("php", CODE)
    assert regions["Priced"].metrics.cyclomatic == 0  # nothing measurable inside
    assert (regions["Invoice"].metrics.cyclomatic, regions["Invoice"].metrics.cognitive) == (1 + 10 + 4, 0 + 17 + 3)
    assert (facts.metrics.cyclomatic, facts.metrics.cognitive) == (2 + 2 + 15 + 4, 1 + 1 + 20 + 3)


def test_else_if_chains_in_every_spelling():
    _, regions = measure(
        "php",
        """<?php
        function braces($a) {
            if ($a > 3) {            // cc +1, cog +1
            } else if ($a > 2) {     // cc +1, cog +1
            } ELSE IF ($a > 1) {     // cc +1, cog +1 (keywords are case-insensitive)
            } else {                 // cog +1
            }
        }
        function colons($a) {
            if ($a): echo 1;         // cc +1, cog +1
            elseif ($a > 1): echo 2; // cc +1, cog +1
            else: echo 3;            // cog +1
            endif;
        }
        function bare($a) {
            if ($a) echo 1;          // cc +1, cog +1
            else
                if ($a > 1) echo 2;  // cc +1, cog +1: else-if across a line break
                else echo 3;         // cog +1
        }
        """,
    )
    braces = regions["braces"].metrics
    assert (braces.cyclomatic, braces.cognitive, braces.nesting) == (4, 4, 1)
    assert (regions["colons"].metrics.cyclomatic, regions["colons"].metrics.cognitive) == (3, 3)
    assert (regions["bare"].metrics.cyclomatic, regions["bare"].metrics.cognitive) == (3, 3)


def test_mixed_logical_sequences():
    _, regions = measure(
        "php",
        """<?php
        function same($a, $b, $c) { return $a && $b && $c; }      // cc +2, cog +1
        function mixed($a, $b, $c, $d) { return $a && $b || $c && $d; }  // cc +3, cog +3
        function words($a, $b, $c) { $r = $a and $b or $c; }     // cc +2, cog +2
        function other($a, $b, $c) { return ($a xor $b) ?? $c; } // xor and ?? count nothing
        """,
    )
    assert (regions["same"].metrics.cyclomatic, regions["same"].metrics.cognitive) == (3, 1)
    assert (regions["mixed"].metrics.cyclomatic, regions["mixed"].metrics.cognitive) == (4, 3)
    assert (regions["words"].metrics.cyclomatic, regions["words"].metrics.cognitive) == (3, 2)
    assert (regions["other"].metrics.cyclomatic, regions["other"].metrics.cognitive) == (1, 0)


def test_loops_jumps_and_nested_functions():
    _, regions = measure(
        "php",
        """<?php
        function outer($rows) {
            while ($rows) {                  // cc +1, cog +1; depth 1
                do {                         // cc +1, cog +2 (level 1); depth 2
                    if ($x) { continue 2; }  // cc +1, cog +3 (level 2), `continue 2` +1; depth 3
                    if ($y) { break 1; }     // cc +1, cog +3 (level 2); `break 1` is a plain break
                } while ($rows);
                goto done;                   // cog +1
            }
            done:
            function inner($v) {             // a region of its own
                return $v ? 1 : 0;
            }
            $cb = static function () { return fn() => 1 ?: 2; };  // cc +1, cog +3 (level 2)
        }
        """,
    )
    outer = regions["outer"].metrics
    # cc: 1 + while, do, if, if, ?: ; cog: 1 + 2 + (3 + 1) + 3 + 1 (goto) + 3
    assert (outer.cyclomatic, outer.cognitive, outer.nesting, outer.params) == (6, 14, 3, 1)
    assert regions["outer.inner"].kind == "function"
    assert (regions["outer.inner"].metrics.cyclomatic, regions["outer.inner"].metrics.cognitive) == (2, 1)


def test_html_around_php_tags():
    facts, regions = measure(
        "php",
        """<html>
        <?php function greet($name) { return $name ?: 'guest'; } ?>
        <p><?= greet('x') ?></p>
        <?php if ($a): ?><b>yes</b><?php endif; ?>
        </html>
        """,
    )
    assert facts.error is None
    assert (regions["greet"].start_line, regions["greet"].metrics.cyclomatic) == (2, 2)
    assert facts.metrics.cyclomatic == 2 + 1  # the template's `if` counts for the file
