# Reference values for HedgesGTest and TwoByTwoTableTest (methods.md 5.3, 5.4).
# Generator: R 4.2.2, metafor 3.8-1.
# Run:  Rscript pipeline/src/test/resources/golden/stats/effect_sizes.R
suppressMessages(library(metafor))
show <- function(label, x) cat(sprintf("%-50s %s\n", label, paste(format(x, digits = 15), collapse = " ")))
## Hedges' g, methods.md 5.3 worked example
n1 <- 40; n2 <- 42; df <- n1 + n2 - 2
sp <- sqrt(((n1 - 1) * 1.1^2 + (n2 - 1) * 1.3^2) / df); d <- (3.9 - 3.4) / sp
Japprox <- 1 - 3 / (4 * df - 1); Jexact <- exp(lgamma(df / 2) - log(sqrt(df / 2)) - lgamma((df - 1) / 2))
show("sp d", c(sp, d))
show("J approx, exact", c(Japprox, Jexact))
e <- escalc("SMD", m1i = 3.9, sd1i = 1.1, n1i = 40, m2i = 3.4, sd2i = 1.3, n2i = 42)
show("escalc SMD yi vi (exact J, vtype LS)", c(e$yi, e$vi))
g <- Japprox * d; v <- (n1 + n2) / (n1 * n2) + g^2 / (2 * (n1 + n2))
show("approx g, var, CI95", c(g, v, g + c(-1, 1) * qnorm(0.975) * sqrt(v)))
show("exact g CI95 (summary(escalc))", unlist(summary(e)[, c("ci.lb", "ci.ub")]))
tt <- d / sqrt(1 / n1 + 1 / n2)
show("pooled t, p", c(tt, 2 * pt(-abs(tt), df)))
show("99% CI approx g", g + c(-1, 1) * qnorm(0.995) * sqrt(v))
## Hedges' g with n = 2 per arm (df = 2): exact J = gamma(1)/(1*gamma(0.5))
e2 <- escalc("SMD", m1i = 5, sd1i = 2, n1i = 2, m2i = 3, sd2i = 1, n2i = 2)
show("df=2 escalc SMD yi vi", c(e2$yi, e2$vi))

## 2x2 table, methods.md 5.4: a=45 b=255 c=70 d=250
tab <- matrix(c(45, 70, 255, 250), 2)   # rows: pilot, comparison; cols: event, no event
for (m in c("OR", "RR", "RD")) {
  x <- escalc(m, ai = 45, bi = 255, ci = 70, di = 250); s <- summary(x)
  show(paste(m, "yi sei ci.lb ci.ub (log scale for OR/RR)"), c(x$yi, sqrt(x$vi), s$ci.lb, s$ci.ub))
}
show("OR z p", { x <- escalc("OR", ai = 45, bi = 255, ci = 70, di = 250); z <- x$yi / sqrt(x$vi); c(z, 2 * pnorm(-abs(z))) })
ch0 <- chisq.test(tab, correct = FALSE); ch1 <- chisq.test(tab, correct = TRUE)
show("chisq no correction: X2 p", c(ch0$statistic, ch0$p.value))
show("chisq Yates: X2 p", c(ch1$statistic, ch1$p.value))
f <- fisher.test(tab)
show("fisher p, cond MLE OR, CI", c(f$p.value, f$estimate, f$conf.int))
## zero cell: a=0 b=50 c=5 d=45 (escalc default add=1/2, to="only0")
for (m in c("OR", "RR", "RD")) {
  x <- escalc(m, ai = 0, bi = 50, ci = 5, di = 45); s <- summary(x)
  show(paste("zero cell", m, "yi sei ci.lb ci.ub"), c(x$yi, sqrt(x$vi), s$ci.lb, s$ci.ub))
}
tz <- matrix(c(0, 5, 50, 45), 2)
show("zero cell chisq no corr / Yates", c(suppressWarnings(chisq.test(tz, correct = FALSE))$statistic,
                                          suppressWarnings(chisq.test(tz, correct = TRUE))$statistic))
show("zero cell chisq p no corr / Yates", c(suppressWarnings(chisq.test(tz, correct = FALSE))$p.value,
                                            suppressWarnings(chisq.test(tz, correct = TRUE))$p.value))
show("zero cell fisher p", fisher.test(tz)$p.value)
# Yates when |ad - bc| < N/2: R caps the correction at |O - E| (YATES <- min(0.5, abs(x - E)))
tsmall <- matrix(c(10, 11, 10, 10), 2)
show("small table chisq Yates X2 p", c(chisq.test(tsmall, correct = TRUE)$statistic, chisq.test(tsmall, correct = TRUE)$p.value))
