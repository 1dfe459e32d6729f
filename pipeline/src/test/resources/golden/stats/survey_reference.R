# Reference values for org.soseval.pipeline.stats.survey tests.
# Generator: R 4.2.2 with psych 2.2.9 (Debian r-cran-psych 2.2.9-1).
# Run: Rscript pipeline/src/test/resources/golden/stats/survey_reference.R
# Output is printed with 15 significant digits; the Java tests quote these values and cite the call.
options(digits = 15)

cat("## Percent agreeing, methods.md section 6 example: SA 30, A 52, N 8, D 6, SD 4, missing 12\n")
print(prop.test(82, 100, correct = FALSE)$conf.int)
cat("item response 100/112 =", 100 / 112 * 100, "\n")

cat("## With don't know 7 and not applicable 3 (excluded from base): SA 11, A 20, N 6, D 2, SD 1, DK 7, NA 3, missing 4; 60 eligible\n")
print(prop.test(31, 40, correct = FALSE)$conf.int)
cat("percent", 31 / 40 * 100, " item response", (54 - 4) / 54 * 100, " unit response", 54 / 60 * 100, "\n")

cat("## One respondent, agrees\n")
print(prop.test(1, 1, correct = FALSE)$conf.int)

cat("## Weighted: methods.md example, stratum A pop 80 (60 respond, 52 agree), B pop 70 (40 respond, 30 agree)\n")
y <- c(rep(1, 52), rep(0, 8), rep(1, 30), rep(0, 10))
w <- c(rep(80 / 60, 60), rep(70 / 40, 40))
p <- weighted.mean(y, w); neff <- sum(w)^2 / sum(w^2)
cat("weighted percent", p * 100, " n_eff", neff, " deff", length(w) / neff, "\n")
print(prop.test(p * neff, neff, correct = FALSE)$conf.int)

cat("## Weighted with item non-response: stratum C pop 50, 25 respond, 20 valid (12 agree), 5 missing\n")
y <- c(rep(1, 52), rep(0, 8), rep(1, 30), rep(0, 10), rep(1, 12), rep(0, 8))
w <- c(rep(80 / 60, 60), rep(70 / 40, 40), rep(50 / 25, 20))
p <- weighted.mean(y, w); neff <- sum(w)^2 / sum(w^2)
cat("weighted percent", p * 100, " sum w", sum(w), " n_eff", neff, " deff", length(w) / neff, "\n")
print(prop.test(p * neff, neff, correct = FALSE)$conf.int)

suppressPackageStartupMessages(library(psych))
cat("## Cronbach alpha: 4 items, 10 respondents, two with a missing item (listwise deletion)\n")
x <- data.frame(
  q1 = c(4, 5, 3, 4, 2, 5, 4, 3, NA, 4),
  q2 = c(4, 4, 3, 5, 2, 4, 4, 2, 3, 5),
  q3 = c(3, 5, 2, 4, 1, 4, 5, 3, 3, NA),
  q4 = c(5, 4, 3, 4, 3, 5, 4, 2, 4, 4))
a <- psych::alpha(na.omit(x))
print(a$total[, c("raw_alpha", "std.alpha")])
print(a$alpha.drop[, c("raw_alpha", "std.alpha")])
print(a$item.stats[, c("n", "r.drop")])

cat("## Negatively worded q4 as answered (1-5); psych reverse-scores it with keys (max + min - x = 6 - x)\n")
xr <- x; xr$q4 <- c(1, 2, 3, 2, 3, 1, 2, 4, 2, 2)
a <- psych::alpha(na.omit(xr), keys = c("q4"))
print(a$total[, c("raw_alpha", "std.alpha")])

cat("## Two items\n")
a <- psych::alpha(na.omit(x[, c("q1", "q2")]))
print(a$total[, c("raw_alpha", "std.alpha")])
print(a$alpha.drop[, c("raw_alpha", "std.alpha")])
print(a$item.stats[, c("r.drop")])

cat("## Zero-variance item q5 = 3: raw alpha from the variance formula (psych warns and cannot standardise)\n")
z <- na.omit(cbind(x, q5 = 3))
k <- ncol(z)
cat("raw alpha", k / (k - 1) * (1 - sum(apply(z, 2, var)) / var(rowSums(z))), "\n")
cat("r.drop of q1 (item vs sum of the other items)", cor(z$q1, rowSums(z[, -1])), "\n")
