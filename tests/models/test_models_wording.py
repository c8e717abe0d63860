from widgets.models.wording import join_names


def test_names_are_listed_as_the_chapters_write_them():
    assert join_names(["Russia"]) == "Russia"
    assert join_names(("China", "Russia")) == "China and Russia"
    assert join_names(["Finland", "Montenegro", "North Macedonia", "Sweden"]) == (
        "Finland, Montenegro, North Macedonia and Sweden"
    )
