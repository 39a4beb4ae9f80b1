"""The project files ``budgetbook init`` copies (project-en/, project-fr/), installed as the
package ``budgetbook.templates`` so that init finds them wherever budgetbook is installed."""
