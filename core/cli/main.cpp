// SPDX-License-Identifier: MIT
// sixbtc: the command-line front end.
#include <cstdio>

int main()
{
    return 0;
}
